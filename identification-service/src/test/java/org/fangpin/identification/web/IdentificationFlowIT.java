package org.fangpin.identification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangpin.identification.Procedure.VILLAGE;
import static org.fangpin.identification.Procedure.expect;
import static org.fangpin.identification.Procedure.idNumber;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.identification.MemberAdded;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyCorrected;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.Relation;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.WarningGrades;
import org.fangpin.identification.MovableClock;
import org.fangpin.identification.Procedure;
import org.fangpin.identification.Procedure.Reply;
import org.fangpin.identification.Published;
import org.fangpin.identification.process.OverdueCheck;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.WithRealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@Import(MovableClock.Configuration.class)
class IdentificationFlowIT {

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    KafkaBroker kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    private Procedure procedure;

    @BeforeEach
    void setUp() {
        procedure = new Procedure(port, tokens);
    }

    @Test
    void theWholeProcedureWithATownshipReturnIdentifiesTheHouseholdAndPublishesEveryStepWithItsActor() {
        String household = procedure.register("敖日格乐", "15072419780312021");
        String lead = procedure.reportLead(household, "CADRE_VISIT");
        procedure.verify(lead, "8900.00", "12500.00");
        procedure.evaluate(lead);
        expect(procedure.village(HttpMethod.POST, "/api/leads/{id}/objections",
                Map.of("objection", "邻居反映该户有车辆", "handling", "经核实车辆为亲属所有，异议不成立"), lead), 200);

        Reply tooEarly = procedure.townshipReview(lead, "APPROVE", "情况属实");
        clock.advance(Duration.ofDays(5));
        expect(procedure.townshipReview(lead, "RETURN", "收入核算漏计转移性收入，请重新核实"), 200);
        procedure.verify(lead, "7200.00", "12500.00");
        procedure.evaluate(lead);
        clock.advance(Duration.ofDays(5));
        expect(procedure.townshipReview(lead, "APPROVE", "经乡镇复核，情况属实"), 200);
        JsonNode screen = procedure.lead(lead).body();
        expect(procedure.identify(lead, "SUDDEN_HARDSHIP", "ILLNESS"), 200);

        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.code()).isEqualTo("IDENT_PUBLIC_NOTICE_RUNNING");
        assertThat(screen.get("evidence").get("findings").findValuesAsText("code")).containsExactly(
                "INCOME_BELOW_MONITORING_LINE", "MEDICAL_EXPENDITURE_ABOVE_WARNING_LINE", "GUARANTEE_GAP");
        assertThat(screen.get("evidence").get("findings").findValuesAsText("explanation")).containsExactly(
                "家庭人均纯收入 7200.00 元低于监测收入标准 8300.00 元", "因病自付医疗费用 12500.00 元超过预警线 5000.00 元",
                "“两不愁三保障”及饮水安全存在缺项：基本医疗");
        assertThat(screen.get("evidence").get("policyRegionPrefix").asText()).isEqualTo("15");
        assertThat(screen.get("steps").findValuesAsText("step")).containsExactly("LEAD_REPORTED", "VERIFIED",
                "VILLAGE_EVALUATED", "OBJECTION_RECORDED", "TOWNSHIP_RETURNED", "VERIFIED", "VILLAGE_EVALUATED",
                "TOWNSHIP_APPROVED");
        assertThat(screen.get("steps").findValuesAsText("actorRole")).containsExactly("VILLAGE_OFFICER",
                "VILLAGE_OFFICER", "VILLAGE_OFFICER", "VILLAGE_OFFICER", "TOWNSHIP_REVIEWER", "VILLAGE_OFFICER",
                "VILLAGE_OFFICER", "TOWNSHIP_REVIEWER");

        List<EventEnvelope> published = Published.about(kafka, Topics.IDENTIFICATION, household, 11);
        assertThat(published).extracting(EventEnvelope::type).containsExactly(
                "fangpin.identification.HouseholdRegistered.v1", "fangpin.identification.MemberAdded.v1",
                "fangpin.identification.LeadReported.v1", "fangpin.identification.HouseholdVerified.v1",
                "fangpin.identification.VillageEvaluationRecorded.v1",
                "fangpin.identification.PublicNoticeObjectionRecorded.v1",
                "fangpin.identification.TownshipReturned.v1", "fangpin.identification.HouseholdVerified.v1",
                "fangpin.identification.VillageEvaluationRecorded.v1", "fangpin.identification.TownshipApproved.v1",
                "fangpin.identification.HouseholdIdentified.v1");
        assertThat(published.get(6).actor().role()).isEqualTo("TOWNSHIP_REVIEWER");
        assertThat(published.get(10).actor().role()).isEqualTo("COUNTY_APPROVER");
        HouseholdVerified verified = (HouseholdVerified) published.get(7).data();
        assertThat(verified.rigidExpenditures().get(RigidExpenditure.MEDICAL)).isEqualByComparingTo("12500.00");
        HouseholdIdentified identified = (HouseholdIdentified) published.get(10).data();
        assertThat(identified.monitoringLine()).isEqualByComparingTo("8300.00");
        assertThat(identified.perCapitaNetIncome()).isEqualByComparingTo("7200.00");

        // the minimum necessary (个人信息保护法): who the head is travels only on the personal topic
        String headIdNumber = Procedure.idNumber("15072419780312021");
        assertThat(published.subList(0, 2)).allSatisfy(envelope -> assertThat(envelope.rawData().toString())
                .doesNotContain(headIdNumber, "敖日格乐"));
        assertThat((MemberAdded) published.get(1).data()).satisfies(head -> {
            assertThat(head.idNumber()).isNull();
            assertThat(head.birthDate()).isNull();
            assertThat(head.relation()).isEqualTo(Relation.HEAD);
        });
        List<EventEnvelope> personal = Published.about(kafka, Topics.IDENTIFICATION_PERSONAL, household, 11);
        assertThat(personal).extracting(EventEnvelope::id)
                .containsExactlyElementsOf(published.stream().map(EventEnvelope::id).toList());
        assertThat(((HouseholdRegistered) personal.get(0).data()).headIdNumber()).isEqualTo(headIdNumber);
        assertThat(((MemberAdded) personal.get(1).data()).name()).isEqualTo("敖日格乐");
    }

    @Test
    void stepsEnteredAfterTheFactCarryTheDaysTheyHappenedAndANoticeWhollyPastIsMarkedRecordedAfterTheFact() {
        String household = procedure.register("宝音", "15072419720815013");
        LocalDate today = LocalDate.now(clock);
        String lead = expect(procedure.village(HttpMethod.POST, "/api/leads", Map.of("householdId", household,
                "channel", "CADRE_VISIT", "reportedOn", today.minusDays(8).toString())), 201).text("leadId");
        Reply tomorrow = procedure.village(HttpMethod.POST, "/api/leads/{id}/verification", Map.of(
                "perCapitaNetIncome", "6900.00", "labourCapacity", "FULL", "collector", "包银花",
                "householdConfirmed", true, "verifiedOn", today.plusDays(1).toString()), lead);
        expect(procedure.village(HttpMethod.POST, "/api/leads/{id}/verification", Map.of(
                "perCapitaNetIncome", "6900.00", "labourCapacity", "FULL", "collector", "包银花",
                "householdConfirmed", true, "verifiedOn", today.minusDays(7).toString()), lead), 200);
        expect(procedure.village(HttpMethod.POST, "/api/leads/{id}/village-evaluation", Map.of(
                "opinion", "评议同意", "noticeFrom", today.minusDays(7).toString()), lead), 200);

        Reply duringTheNotice = procedure.township(HttpMethod.POST, "/api/leads/{id}/township-review", Map.of(
                "decision", "APPROVE", "opinion", "情况属实", "reviewedOn", today.minusDays(3).toString()), lead);
        Reply reviewTomorrow = procedure.township(HttpMethod.POST, "/api/leads/{id}/township-review", Map.of(
                "decision", "APPROVE", "opinion", "情况属实", "reviewedOn", today.plusDays(1).toString()), lead);
        Reply approved = procedure.township(HttpMethod.POST, "/api/leads/{id}/township-review", Map.of(
                "decision", "APPROVE", "opinion", "情况属实", "reviewedOn", today.minusDays(2).toString()), lead);
        Reply decidedBeforeTheTownship = decide(lead, Map.of("decision", "IDENTIFY", "objectType",
                "MARGINAL_VULNERABLE", "riskTypes", List.of("ILLNESS"), "decidedOn", today.minusDays(3).toString()));
        JsonNode screen = procedure.lead(lead).body();

        assertThat(tomorrow.code()).isEqualTo("DATE_IN_FUTURE");
        assertThat(duringTheNotice.code()).isEqualTo("IDENT_PUBLIC_NOTICE_RUNNING");
        assertThat(reviewTomorrow.code()).isEqualTo("DATE_IN_FUTURE");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(decidedBeforeTheTownship.code()).isEqualTo("IDENT_DECISION_BEFORE_TOWNSHIP_REVIEW");
        assertThat(screen.get("lead").get("reportedOn").asText()).isEqualTo(today.minusDays(8).toString());
        assertThat(screen.get("lead").get("noticeUntil").asText()).isEqualTo(today.minusDays(3).toString());
        assertThat(screen.get("lead").get("noticeRecordedAfterTheFact").asBoolean()).isTrue();
        assertThat(screen.get("steps").get(2).get("note").asText()).contains("公示补录");
        assertThat(procedure.township(HttpMethod.GET, "/api/leads?region={r}&limit=200", null, Procedure.TOWNSHIP)
                .body().get("leads")).filteredOn(listed -> listed.get("leadId").asText().equals(lead))
                .allMatch(listed -> listed.get("noticeRecordedAfterTheFact").asBoolean()).hasSize(1);
    }

    @Test
    void aCountyDecisionCarriesTheDayItWasTakenAndALateOneTheApproversNote() {
        String household = procedure.register("孟根", "15072419680723015");
        String lead = throughTheTownship(household, "6900.00", "7000.00");
        LocalDate approvedOn = LocalDate.now(clock);
        clock.advance(Duration.ofDays(45));
        Map<String, Object> decision = new HashMap<>(Map.of("decision", "IDENTIFY", "objectType",
                "MARGINAL_VULNERABLE", "riskTypes", List.of("ILLNESS"), "decidedOn", approvedOn.toString()));

        Reply tomorrow = decide(lead, Map.of("decision", "IDENTIFY", "objectType", "MARGINAL_VULNERABLE",
                "riskTypes", List.of("ILLNESS"), "decidedOn", LocalDate.now(clock).plusDays(1).toString()));
        Reply beforeTheTownship = decide(lead, Map.of("decision", "IDENTIFY", "objectType", "MARGINAL_VULNERABLE",
                "riskTypes", List.of("ILLNESS"), "decidedOn", approvedOn.minusDays(1).toString()));
        Reply withoutNote = decide(lead, decision);
        decision.put("backdatingNote", "审定会议纸质决定，系统补录");
        Reply withNote = decide(lead, decision);
        JsonNode screen = procedure.lead(lead).body();

        assertThat(tomorrow.code()).isEqualTo("DATE_IN_FUTURE");
        assertThat(beforeTheTownship.status()).isEqualTo(422);
        assertThat(beforeTheTownship.code()).isEqualTo("IDENT_DECISION_BEFORE_TOWNSHIP_REVIEW");
        assertThat(withoutNote.status()).isEqualTo(422);
        assertThat(withoutNote.code()).isEqualTo("IDENT_BACKDATING_NOTE_REQUIRED");
        assertThat(withNote.status()).isEqualTo(200);
        assertThat(screen.get("lead").get("decidedOn").asText()).isEqualTo(approvedOn.toString());
        assertThat(screen.get("steps").findValuesAsText("step")).endsWith("IDENTIFIED", "BACKDATING_NOTED");
        JsonNode steps = screen.get("steps");
        assertThat(steps.get(steps.size() - 1).get("note").asText()).contains(approvedOn.toString(), "审定会议纸质决定");
    }

    @Test
    void theCountyRejectsWithItsJudgementAndTheHouseholdMayBeReportedAgainLater() {
        String household = procedure.register("巴特尔", "15072419850607031");
        String lead = throughTheTownship(household, "9800.00", "2000.00");

        Reply rejected = procedure.county(HttpMethod.POST, "/api/leads/{id}/county-decision", Map.of(
                "decision", "REJECT", "judgement", "家庭人均纯收入高于监测收入标准，刚性支出未超预警线，不予认定"), lead);
        Reply again = procedure.identify(lead, "MARGINAL_VULNERABLE", "ILLNESS");
        JsonNode screen = procedure.lead(lead).body();

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("IDENT_LEAD_NOT_OPEN");
        assertThat(screen.get("lead").get("stage").asText()).isEqualTo("REJECTED");
        assertThat(screen.get("lead").get("judgement").asText()).contains("不予认定");
        assertThat(procedure.reportLead(household, "SELF_REPORT")).isNotEqualTo(lead);
    }

    @Test
    void theCountyCannotDecideBeforeTheTownshipAndARefusalChangesNothing() {
        String household = procedure.register("乌云", "15072419900214042");
        String lead = procedure.reportLead(household, "SELF_REPORT");
        procedure.verify(lead, "6100.00", "0.00");
        long before = storedEvents();

        Reply early = procedure.identify(lead, "MARGINAL_VULNERABLE", "ILLNESS");
        Reply byVillage = procedure.village(HttpMethod.POST, "/api/leads/{id}/county-decision",
                Map.of("decision", "IDENTIFY", "objectType", "MARGINAL_VULNERABLE", "riskTypes", List.of("ILLNESS")),
                lead);
        Reply otherVillage = procedure.call("VILLAGE_OFFICER", "150724213202", HttpMethod.POST,
                "/api/leads/{id}/village-evaluation", Map.of("opinion", "同意"), lead);
        Reply supervisor = procedure.call("SUPERVISOR", "150724", HttpMethod.POST, "/api/leads",
                Map.of("householdId", household, "channel", "CADRE_VISIT"));

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("IDENT_STEP_ORDER");
        assertThat(early.body().get("messages").get("zh-CN").asText()).contains("乡镇审核通过");
        assertThat(byVillage.status()).isEqualTo(403);
        assertThat(otherVillage.status()).isEqualTo(403);
        assertThat(otherVillage.code()).isEqualTo("OUT_OF_JURISDICTION");
        assertThat(supervisor.status()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void ofTwoCountyDecisionsAtOnceExactlyOneWins() throws Exception {
        String household = procedure.register("娜仁花", "15072419770930053");
        String lead = throughTheTownship(household, "7000.00", "9000.00");
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<Reply> identify = CompletableFuture.supplyAsync(() -> {
            await(start);
            return procedure.identify(lead, "MARGINAL_VULNERABLE", "ILLNESS");
        });
        CompletableFuture<Reply> reject = CompletableFuture.supplyAsync(() -> {
            await(start);
            return procedure.county(HttpMethod.POST, "/api/leads/{id}/county-decision",
                    Map.of("decision", "REJECT", "judgement", "不予认定"), lead);
        });
        start.countDown();

        assertThat(List.of(identify.get().status(), reject.get().status())).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id AND payloadtype IN "
                        + "('org.fangpin.contracts.identification.HouseholdIdentified', "
                        + "'org.fangpin.contracts.identification.IdentificationRejected')")
                .param("id", household).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithAStableCodeAndWritesNothing() {
        long before = storedEvents();
        String wrongCheck = "15072419780312021" + (IdNumber.checkCharacter("15072419780312021") == '1' ? '2' : '1');

        Reply invalidId = procedure.village(HttpMethod.POST, "/api/households", Map.of("regionCode", VILLAGE,
                "headName", "巴特尔", "headIdNumber", wrongCheck, "category", "GENERAL", "memberCount", 2));
        Reply malformed = procedure.village(HttpMethod.POST, "/api/households", Map.of("regionCode", "1507",
                "headName", "", "headIdNumber", "123", "category", "GENERAL", "memberCount", 2));
        Reply outside = procedure.village(HttpMethod.POST, "/api/households", Map.of("regionCode", "150724213202",
                "headName", "巴特尔", "headIdNumber", idNumber("15072419780312061"), "category", "GENERAL",
                "memberCount", 2));
        String household = procedure.register("其其格", "15072419880101072");
        String lead = procedure.reportLead(household, "CADRE_VISIT");
        long afterSetUp = storedEvents();
        Reply incomeAsText = procedure.village(HttpMethod.POST, "/api/leads/{id}/verification", Map.of(
                "perCapitaNetIncome", "七千二", "labourCapacity", "FULL", "collector", "包银花",
                "householdConfirmed", true), lead);
        Reply negative = procedure.village(HttpMethod.POST, "/api/leads/{id}/verification", Map.of(
                "perCapitaNetIncome", "-100.00", "labourCapacity", "FULL", "collector", "包银花",
                "householdConfirmed", true), lead);
        Reply samePerson = procedure.village(HttpMethod.POST, "/api/households", Map.of("regionCode", VILLAGE,
                "headName", "其其格", "headIdNumber", idNumber("15072419880101072"), "category", "GENERAL",
                "memberCount", 1));

        assertThat(invalidId.status()).isEqualTo(422);
        assertThat(invalidId.code()).isEqualTo("INVALID_ID_NUMBER");
        assertThat(invalidId.text("detail")).contains("身份证号码");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(outside.status()).isEqualTo(403);
        assertThat(before).isEqualTo(afterSetUp - 3);
        assertThat(incomeAsText.status()).isEqualTo(400);
        assertThat(incomeAsText.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(samePerson.status()).isEqualTo(409);
        assertThat(samePerson.code()).isEqualTo("HOUSEHOLD_ALREADY_REGISTERED");
        assertThat(storedEvents()).isEqualTo(afterSetUp);
    }

    @Test
    void membersChangeAsEventsAndReadOnlyRolesSeeMaskedIdNumbersTheAgeButNoBirthDateAndNoHealth() {
        Reply registered = procedure.village(HttpMethod.POST, "/api/households", Map.of("regionCode", VILLAGE,
                "villageGroup", 2, "headName", "额尔登", "headIdNumber", idNumber("15072419690823001"),
                "headHealth", "SERIOUS_ILLNESS", "category", "POVERTY_ALLEVIATED",
                "categoryFlags", List.of("MINIMUM_LIVING_ALLOWANCE"), "memberCount", 3, "members", List.of(
                        Map.of("name", "萨仁", "idNumber", idNumber("15072419710416002"), "relation", "SPOUSE"),
                        Map.of("name", "额尔敦", "idNumber", idNumber("15072419950102003"), "relation", "CHILD",
                                "employment", "区外务工"))));
        String household = expect(registered, 201).text("householdId");
        String son = procedure.county(HttpMethod.GET, "/api/households/{id}", null, household).body().get("members")
                .findValues("memberId").get(2).asText();

        expect(procedure.village(HttpMethod.POST, "/api/households/{id}/members/{member}/removal",
                Map.of("change", "MOVED_OUT"), household, son), 200);
        expect(procedure.village(HttpMethod.POST, "/api/households/{id}/members", Map.of("change", "BIRTH",
                "member", Map.of("name", "额小宝", "idNumber", idNumber("15072420240520001"), "relation",
                        "GRANDCHILD")), household), 201);
        Reply headLeaves = procedure.village(HttpMethod.POST, "/api/households/{id}/members/{member}/removal",
                Map.of("change", "DEATH"), household, procedure.county(HttpMethod.GET, "/api/households/{id}", null,
                        household).body().get("members").get(0).get("memberId").asText());
        JsonNode seenByCounty = procedure.county(HttpMethod.GET, "/api/households/{id}", null, household).body();
        JsonNode seenByInspector = procedure.call("INSPECTOR", "150724", HttpMethod.GET, "/api/households/{id}", null,
                household).body();

        assertThat(headLeaves.code()).isEqualTo("IDENT_HEAD_CANNOT_LEAVE");
        assertThat(seenByCounty.get("memberCount").asInt()).isEqualTo(3);
        assertThat(seenByCounty.get("categoryFlags").get(0).asText()).isEqualTo("MINIMUM_LIVING_ALLOWANCE");
        assertThat(seenByCounty.get("members").findValuesAsText("name")).containsExactly("额尔登", "萨仁", "额小宝",
                "额尔敦");
        assertThat(seenByCounty.get("members").get(3).get("leftBy").asText()).isEqualTo("MOVED_OUT");
        assertThat(seenByInspector.get("headIdNumber").asText()).contains("********");
        assertThat(seenByInspector.get("members").findValuesAsText("idNumber")).allMatch(id -> id.contains("****"));
        assertThat(seenByInspector.get("members").findValues("health")).isEmpty();
        assertThat(seenByInspector.get("members").findValues("birthDate")).isEmpty();
        assertThat(seenByInspector.get("members").get(0).get("age").asInt())
                .isEqualTo(Period.between(LocalDate.of(1969, 8, 23), LocalDate.now(clock)).getYears());
        assertThat(seenByCounty.get("members").get(0).get("birthDate").asText()).isEqualTo("1969-08-23");
        assertThat(seenByCounty.get("members").get(0).get("age").asInt())
                .isEqualTo(seenByInspector.get("members").get(0).get("age").asInt());
        assertThat(Published.about(kafka, Topics.IDENTIFICATION, household, 6)).extracting(EventEnvelope::type)
                .containsExactly("fangpin.identification.HouseholdRegistered.v1",
                        "fangpin.identification.MemberAdded.v1", "fangpin.identification.MemberAdded.v1",
                        "fangpin.identification.MemberAdded.v1", "fangpin.identification.MemberRemoved.v1",
                        "fangpin.identification.MemberAdded.v1");
    }

    @Test
    void aSecondLeadJoinsTheOpenCaseAndThePrintedNoticeShowsNoPersonalDetails() {
        String household = procedure.register("阿拉腾", "15072419830705091");
        String lead = procedure.reportLead(household, "CADRE_VISIT");
        Reply second = procedure.village(HttpMethod.POST, "/api/leads",
                Map.of("householdId", household, "channel", "SELF_REPORT", "description", "农户自主申报"));
        procedure.verify(lead, "6500.00", "15000.00");
        procedure.evaluate(lead);

        Reply notice = procedure.village(HttpMethod.GET, "/api/leads/public-notice?village={v}", null, VILLAGE);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("merged").asBoolean()).isTrue();
        assertThat(second.text("leadId")).isEqualTo(lead);
        assertThat(notice.body().get("entries").findValuesAsText("headName")).contains("阿拉腾");
        assertThat(notice.body().toString()).doesNotContain("150724198307", "SERIOUS", "MEDICAL", "idNumber",
                "phone", "bank");
    }

    @Test
    void aDuplicateRegistrationNamesTheOtherHouseholdOnlyToThoseWhoseRegionCoversIt() {
        String household = procedure.register("乌兰图雅", "15072419810612044");
        Map<String, Object> again = Map.of("regionCode", "150724213202", "headName", "乌兰图雅",
                "headIdNumber", idNumber("15072419810612044"), "category", "GENERAL", "memberCount", 1);

        Reply byNeighbouringVillage = procedure.call("VILLAGE_OFFICER", "150724213202", HttpMethod.POST,
                "/api/households", again);
        Reply byCounty = procedure.county(HttpMethod.POST, "/api/households", again);

        assertThat(byNeighbouringVillage.status()).isEqualTo(409);
        assertThat(byNeighbouringVillage.code()).isEqualTo("IDENT_PERSON_ALREADY_REGISTERED");
        assertThat(byNeighbouringVillage.body().toString()).doesNotContain(household, VILLAGE, "乌兰图雅");
        assertThat(byCounty.status()).isEqualTo(409);
        assertThat(byCounty.code()).isEqualTo("HOUSEHOLD_ALREADY_REGISTERED");
        assertThat(byCounty.text("detail")).contains(household);
    }

    @Test
    void theCaseScreenGivesListsAsArraysAndExpendituresAsAnObject() {
        String household = procedure.register("哈斯", "15072419750919052");
        String lead = throughTheTownship(household, "7100.00", "9800.00");
        expect(procedure.identify(lead, "MARGINAL_VULNERABLE", "ILLNESS"), 200);

        JsonNode screen = procedure.lead(lead).body();
        JsonNode listed = procedure.county(HttpMethod.GET, "/api/leads?status=IDENTIFIED&limit=200", null).body();

        assertThat(screen.get("lead").get("riskTypes").isArray()).isTrue();
        assertThat(screen.get("lead").get("riskTypes").get(0).asText()).isEqualTo("ILLNESS");
        assertThat(screen.get("lead").get("guaranteeGaps").isArray()).isTrue();
        assertThat(screen.get("lead").get("guaranteeGaps").get(0).asText()).isEqualTo("BASIC_MEDICAL");
        assertThat(screen.get("rigidExpenditures").isObject()).isTrue();
        assertThat(screen.get("rigidExpenditures").get("MEDICAL").decimalValue()).isEqualByComparingTo("9800.00");
        assertThat(screen.get("steps").get(0).get("occurredAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.+");
        assertThat(listed.get("leads").findValues("riskTypes")).allMatch(JsonNode::isArray);
        assertThat(listed.toString()).doesNotContain("\"{}\"", "\"ILLNESS\"\"");
    }

    @Test
    void aRegionInAQueryIsADivisionPrefixAndANationalSupervisorListsAcrossCounties() {
        String ewenki = procedure.register("敖特根", "15072419860203013");
        String ewenkiLead = procedure.reportLead(ewenki, "CADRE_VISIT");
        String chenBarag = expect(procedure.call("VILLAGE_OFFICER", "150725200200", HttpMethod.POST,
                "/api/households", Map.of("regionCode", "150725200200", "headName", "其木格",
                        "headIdNumber", idNumber("15072519870405021"), "category", "GENERAL", "memberCount", 2)),
                201).text("householdId");
        String chenBaragLead = expect(procedure.call("VILLAGE_OFFICER", "150725200200", HttpMethod.POST,
                "/api/leads", Map.of("householdId", chenBarag, "channel", "SELF_REPORT")), 201).text("leadId");

        List<Integer> malformed = List.of("%", "______", "1", "15%", "1507242132019").stream()
                .map(region -> procedure.call("SUPERVISOR", "00", HttpMethod.GET, "/api/leads?region={r}", null,
                        region).status()).toList();
        JsonNode national = procedure.call("SUPERVISOR", "00", HttpMethod.GET, "/api/leads?limit=200", null).body();
        JsonNode province = procedure.call("SUPERVISOR", "00", HttpMethod.GET, "/api/leads?region=15&limit=200",
                null).body();
        Reply countyAskingForTheProvince = procedure.county(HttpMethod.GET, "/api/leads?region=15", null);

        assertThat(malformed).containsOnly(400);
        assertThat(national.get("leads").findValuesAsText("leadId")).contains(ewenkiLead, chenBaragLead);
        assertThat(province.get("leads").findValuesAsText("leadId")).contains(ewenkiLead, chenBaragLead);
        assertThat(countyAskingForTheProvince.status()).isEqualTo(403);
    }

    @Test
    void anOverdueCaseIsListedAndItsEventRaisedOnce(@Autowired OverdueCheck check) {
        String household = procedure.register("图雅", "15072419920311085");
        String lead = procedure.reportLead(household, "SELF_REPORT");
        clock.advance(Duration.ofDays(20));
        LocalDate today = LocalDate.now(clock);

        int first = check.raiseOverdue(today);
        int second = check.raiseOverdue(today);
        Reply overdue = procedure.township(HttpMethod.GET, "/api/leads?overdue=true&region={r}&limit=200", null,
                Procedure.TOWNSHIP);
        Reply firstPage = procedure.county(HttpMethod.GET, "/api/leads?limit=1", null);
        Reply nextPage = procedure.county(HttpMethod.GET, "/api/leads?limit=1&cursor={c}", null,
                firstPage.text("nextCursor"));

        assertThat(first).isGreaterThanOrEqualTo(2);
        assertThat(second).isZero();
        assertThat(overdue.body().get("leads").findValuesAsText("leadId")).contains(lead);
        assertThat(procedure.lead(lead).body().get("lead").get("overdue").asBoolean()).isTrue();
        assertThat(firstPage.body().get("leads")).hasSize(1);
        assertThat(nextPage.body().get("leads").get(0).get("seq").asLong())
                .isGreaterThan(firstPage.body().get("leads").get(0).get("seq").asLong());
        assertThat(Published.about(kafka, Topics.IDENTIFICATION, household, 5)).extracting(EventEnvelope::type)
                .filteredOn(type -> type.contains("Overdue")).hasSize(2);
    }

    @Test
    void thePolicyIsSeededAsEventsAndACountyChangesItsOwnWithAnAuditedEvent() {
        int nextYear = LocalDate.now(clock).getYear() + 1;
        Reply inForce = procedure.county(HttpMethod.GET, "/api/policy/{region}/{year}", null, "150724", 2024);
        Map<String, Object> raised = policy("8600.00", "旗里提高监测范围");
        raised.put("publicNoticeDays", 7);

        Reply byCounty = procedure.county(HttpMethod.PUT, "/api/policy/{region}/{year}", raised, "150724", nextYear);
        Reply province = procedure.county(HttpMethod.PUT, "/api/policy/{region}/{year}", raised, "15", nextYear);
        Reply national = procedure.county(HttpMethod.PUT, "/api/policy/{region}/{year}", raised, "national",
                nextYear);
        Reply byVillage = procedure.village(HttpMethod.PUT, "/api/policy/{region}/{year}", raised, VILLAGE, nextYear);

        assertThat(inForce.body().get("thresholds").get("monitoringLine").decimalValue()).isEqualByComparingTo("8300");
        assertThat(inForce.text("sourceRegionPrefix")).isEqualTo("15");
        assertThat(inForce.body().get("thresholds").get("publicNoticeDaysByObjectType")
                .get("MINIMUM_LIVING_ALLOWANCE").asInt()).isEqualTo(7);
        assertThat(inForce.body().get("thresholds").get("warningGrades").get("INCOME_ONLY_FROM_TRANSFERS").asText())
                .isEqualTo("II_YELLOW");
        assertThat(inForce.body().get("thresholds").get("warningGrades").size())
                .isEqualTo(WarningGrades.SEED_BASELINE.size());
        assertThat(inForce.body().get("thresholds").get("backdatingDaysWithoutNote").asInt()).isEqualTo(40);
        assertThat(byCounty.status()).isEqualTo(200);
        assertThat(byCounty.body().get("thresholds").get("publicNoticeDays").asInt()).isEqualTo(7);
        assertThat(byCounty.body().get("thresholds").get("publicNoticeDaysByObjectType")
                .get("EXTREME_HARDSHIP_SUPPORT").asInt()).isEqualTo(7);
        assertThat(province.status()).isEqualTo(403);
        assertThat(province.code()).isEqualTo("POLICY_ABOVE_COUNTY_BY_ADMIN_ONLY");
        assertThat(national.code()).isEqualTo("POLICY_NATIONAL_BY_ADMIN_ONLY");
        assertThat(byVillage.status()).isEqualTo(403);
        List<EventEnvelope> baseline = Published.about(kafka, Topics.IDENTIFICATION, "policy:national:2023", 1);
        assertThat(baseline.get(0).actor().role()).isEqualTo("SYSTEM");
        EventEnvelope change = Published.about(kafka, Topics.IDENTIFICATION, "policy:150724:" + nextYear, 1).get(0);
        assertThat(change.actor().role()).isEqualTo("COUNTY_APPROVER");
        assertThat(((PolicyChanged) change.data()).previous()).isNull();
    }

    @Test
    void onlyANationalAdministratorSetsTheNationalLineAndAProvincesOnlyAnAdministratorCoveringIt() {
        int nextYear = LocalDate.now(clock).getYear() + 1;
        Map<String, Object> line = policy("8500.00", "自治区提高监测范围");

        Reply bannerAdminNational = procedure.call("ADMIN", "150724", HttpMethod.PUT, "/api/policy/national/{y}",
                line, nextYear);
        Reply bannerAdminProvince = procedure.call("ADMIN", "150724", HttpMethod.PUT, "/api/policy/15/{y}", line,
                nextYear);
        Reply otherProvinceAdmin = procedure.call("ADMIN", "14", HttpMethod.PUT, "/api/policy/15/{y}", line,
                nextYear);
        Reply provinceAdmin = procedure.call("ADMIN", "15", HttpMethod.PUT, "/api/policy/15/{y}", line, nextYear);
        Reply prefectureByProvince = procedure.call("ADMIN", "15", HttpMethod.PUT, "/api/policy/1507/{y}", line,
                nextYear);
        Reply provinceAdminNational = procedure.call("ADMIN", "15", HttpMethod.PUT, "/api/policy/national/{y}",
                line, nextYear);
        Reply nationalAdmin = procedure.call("ADMIN", "00", HttpMethod.PUT, "/api/policy/national/{y}",
                policy("7800.00", "国家防止返贫监测范围"), nextYear);

        assertThat(bannerAdminNational.status()).isEqualTo(403);
        assertThat(bannerAdminNational.code()).isEqualTo("POLICY_NATIONAL_BY_ADMIN_ONLY");
        assertThat(bannerAdminProvince.status()).isEqualTo(403);
        assertThat(bannerAdminProvince.code()).isEqualTo("OUT_OF_JURISDICTION");
        assertThat(otherProvinceAdmin.code()).isEqualTo("OUT_OF_JURISDICTION");
        assertThat(provinceAdmin.status()).isEqualTo(200);
        assertThat(prefectureByProvince.status()).isEqualTo(200);
        assertThat(provinceAdminNational.code()).isEqualTo("POLICY_NATIONAL_BY_ADMIN_ONLY");
        assertThat(nationalAdmin.status()).isEqualTo(200);
        assertThat(nationalAdmin.text("sourceRegionPrefix")).isEqualTo("national");
    }

    @Test
    void thresholdsOutsideTheirRangeAreRefusedAndChangeNothing() {
        int thisYear = LocalDate.now(clock).getYear();
        long before = storedEvents();

        List<Reply> refused = List.of(
                put("150724", thisYear + 1, Map.of("monitoringLine", "0.01")),
                put("150724", thisYear + 1, Map.of("publicNoticeDays", 1)),
                put("150724", thisYear + 1, Map.of("stableIncomeMonths", 1, "minimumMonitoredMonths", 0)),
                put("150724", thisYear + 1, Map.of("identificationDueDays", 400)),
                put("150724", thisYear + 1, Map.of("publicNoticeDaysByObjectType",
                        Map.of("MINIMUM_LIVING_ALLOWANCE", 2))),
                put("150724", thisYear + 1, Map.of("backdatingDaysWithoutNote", -1)),
                put("150724", 2000, Map.of()));
        Reply unknownType = put("150724", thisYear + 1, Map.of("publicNoticeDaysByObjectType", Map.of("PIRATE", 7)));
        Reply unknownRule = put("150724", thisYear + 1, Map.of("warningGrades", Map.of("OWNS_A_CAR", "I_RED")));
        Reply unknownLevel = put("150724", thisYear + 1, Map.of("warningGrades",
                Map.of("INCOME_ONLY_FROM_TRANSFERS", "PURPLE")));
        Reply farFuture = put("150724", thisYear + 5, Map.of());

        assertThat(refused).extracting(Reply::status).containsOnly(400);
        assertThat(refused).extracting(Reply::code).containsOnly("VALIDATION_FAILED");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownRule.status()).isEqualTo(422);
        assertThat(unknownRule.code()).isEqualTo("POLICY_UNKNOWN_WARNING_RULE");
        assertThat(unknownLevel.status()).isEqualTo(400);
        assertThat(farFuture.status()).isEqualTo(422);
        assertThat(farFuture.code()).isEqualTo("POLICY_YEAR_OUT_OF_RANGE");
        assertThat(storedEvents()).isEqualTo(before);
    }

    /**
     * A banner in Hulunbuir (陈巴尔虎旗, 150725) sets its line for this year and identifies a household under it;
     * changing the entry afterwards is a correction that must say why, and the decision keeps its criteria.
     */
    @Test
    void thresholdsDecisionsMayHaveUsedAreOnlyCorrectedWithAReasonAndDecisionsKeepTheirs() {
        int thisYear = LocalDate.now(clock).getYear();
        Reply set = procedure.call("COUNTY_APPROVER", "150725", HttpMethod.PUT, "/api/policy/150725/{y}",
                policy("8800.00", "旗乡村振兴局：本年度监测范围"), thisYear);
        String household = expect(procedure.call("VILLAGE_OFFICER", "150725200200", HttpMethod.POST,
                "/api/households", Map.of("regionCode", "150725200200", "headName", "巴图",
                        "headIdNumber", idNumber("15072519790811035"), "category", "GENERAL", "memberCount", 3)),
                201).text("householdId");
        String lead = chenBaragThroughTheTownship(household);
        expect(procedure.call("COUNTY_APPROVER", "150725", HttpMethod.POST, "/api/leads/{id}/county-decision",
                Map.of("decision", "IDENTIFY", "objectType", "MARGINAL_VULNERABLE", "riskTypes", List.of("ILLNESS")),
                lead), 200);

        Reply withoutReason = procedure.call("COUNTY_APPROVER", "150725", HttpMethod.PUT, "/api/policy/150725/{y}",
                policy("7000.00", " "), thisYear);
        Reply corrected = procedure.call("COUNTY_APPROVER", "150725", HttpMethod.PUT, "/api/policy/150725/{y}",
                policy("7000.00", "更正：旗政府文件误录，本年度监测范围为7000元"), thisYear);
        JsonNode screen = procedure.call("COUNTY_APPROVER", "150725", HttpMethod.GET, "/api/leads/{id}", null, lead)
                .body();

        assertThat(set.status()).isEqualTo(200);
        assertThat(withoutReason.status()).isEqualTo(422);
        assertThat(withoutReason.code()).isEqualTo("POLICY_CORRECTION_REASON_REQUIRED");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body().get("thresholds").get("monitoringLine").decimalValue())
                .isEqualByComparingTo("7000.00");
        assertThat(screen.get("evidence").get("findings").get(0).get("explanation").asText())
                .isEqualTo("家庭人均纯收入 7500.00 元低于监测收入标准 8800.00 元");
        List<EventEnvelope> policyEvents = Published.about(kafka, Topics.IDENTIFICATION,
                "policy:150725:" + thisYear, 2);
        assertThat(policyEvents).extracting(EventEnvelope::type).containsExactly(
                "fangpin.identification.PolicyChanged.v1", "fangpin.identification.PolicyCorrected.v1");
        PolicyCorrected correction = (PolicyCorrected) policyEvents.get(1).data();
        assertThat(correction.previous().monitoringLine()).isEqualByComparingTo("8800.00");
        assertThat(correction.reason()).startsWith("更正");
        HouseholdIdentified identified = (HouseholdIdentified) Published.about(kafka, Topics.IDENTIFICATION,
                household, 7).get(6).data();
        assertThat(identified.monitoringLine()).isEqualByComparingTo("8800.00");
    }

    @Test
    void everyEndpointIsDocumentedAndNothingAnswersWithoutAToken() {
        RestClient anonymous = RestClient.create("http://127.0.0.1:" + port);

        JsonNode paths = anonymous.get().uri("/v3/api-docs").retrieve().body(JsonNode.class).get("paths");
        int status = anonymous.get().uri("/api/households/x")
                .exchange((request, response) -> response.getStatusCode().value(), false);

        assertThat(paths.fieldNames()).toIterable().contains("/api/households", "/api/households/{householdId}",
                "/api/households/{householdId}/members", "/api/households/{householdId}/members/{memberId}/removal",
                "/api/leads", "/api/leads/public-notice", "/api/leads/{leadId}", "/api/leads/{leadId}/verification",
                "/api/leads/{leadId}/village-evaluation", "/api/leads/{leadId}/objections",
                "/api/leads/{leadId}/township-review", "/api/leads/{leadId}/county-decision",
                "/api/policy/{regionPrefix}/{year}", "/api/policy/object-types");
        assertThat(paths.get("/api/leads/{leadId}/county-decision").toString()).contains("县级审定");
        assertThat(status).isEqualTo(401);
    }

    private String throughTheTownship(String household, String income, String medicalSelfPay) {
        String lead = procedure.reportLead(household, "CADRE_VISIT");
        procedure.verify(lead, income, medicalSelfPay);
        procedure.evaluate(lead);
        clock.advance(Duration.ofDays(7));
        expect(procedure.townshipReview(lead, "APPROVE", "情况属实"), 200);
        return lead;
    }

    private Reply decide(String lead, Map<String, Object> decision) {
        return procedure.county(HttpMethod.POST, "/api/leads/{id}/county-decision", decision, lead);
    }

    private String chenBaragThroughTheTownship(String household) {
        String lead = expect(procedure.call("VILLAGE_OFFICER", "150725200200", HttpMethod.POST, "/api/leads",
                Map.of("householdId", household, "channel", "CADRE_VISIT")), 201).text("leadId");
        expect(procedure.call("VILLAGE_OFFICER", "150725200200", HttpMethod.POST, "/api/leads/{id}/verification",
                Map.of("perCapitaNetIncome", "7500.00", "labourCapacity", "PARTIAL", "collector", "包银花",
                        "householdConfirmed", true), lead), 200);
        expect(procedure.call("VILLAGE_OFFICER", "150725200200", HttpMethod.POST,
                "/api/leads/{id}/village-evaluation", Map.of("opinion", "评议同意纳入"), lead), 200);
        clock.advance(Duration.ofDays(5));
        expect(procedure.call("TOWNSHIP_REVIEWER", "150725200", HttpMethod.POST, "/api/leads/{id}/township-review",
                Map.of("decision", "APPROVE", "opinion", "情况属实"), lead), 200);
        return lead;
    }

    /** The Ewenki banner's thresholds with the line and the reason given. */
    private static Map<String, Object> policy(String monitoringLine, String reason) {
        Map<String, Object> policy = new HashMap<>(Map.of("monitoringLine", monitoringLine,
                "medicalExpenditureWarningLine", "5000.00", "disasterLossWarningLine", "10000.00",
                "educationExpenditureWarningLine", "8000.00", "verificationDueWorkingDays", 5,
                "identificationDueDays", 15, "publicNoticeDays", 5, "monthlyMonitoringDueDay", 25,
                "stableIncomeMonths", 6, "minimumMonitoredMonths", 6));
        policy.putAll(Map.of("warningResponseDays", 15, "gradualExitMonths", 6, "reason", reason));
        return policy;
    }

    /** A county approver's change of the banner's policy with some figures replaced. */
    private Reply put(String region, int year, Map<String, Object> replaced) {
        Map<String, Object> body = policy("8300.00", "旗乡村振兴局：监测帮扶参数");
        body.putAll(replaced);
        return procedure.county(HttpMethod.PUT, "/api/policy/{region}/{year}", body, region, year);
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
