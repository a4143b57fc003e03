package org.fangpin.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.assistance.RiskRolledBack;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.monitoring.MissedMonitoringChecked;
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.monitoring.Api;
import org.fangpin.monitoring.Api.Reply;
import org.fangpin.monitoring.Given;
import org.fangpin.monitoring.process.MissedMonitoringCheck;
import org.fangpin.monitoring.process.MissedMonitoringCheck.Checked;
import org.fangpin.monitoring.query.DueVisits;
import org.fangpin.monitoring.query.DueVisits.DueVisit;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.WithRealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class MonthlyMonitoringIT {

    private static final String VILLAGE = "150724213201";
    private static final String OTHER_VILLAGE = "150724213203";
    private static final YearMonth THIS_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    private static final Map<String, String> STABLE = Map.of("reason", "STABLE_AFTER_LOOK_BACK",
            "judgement", "风险消除后回头看连续十二个月收入稳定");

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    KafkaBroker broker;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MissedMonitoringCheck missedCheck;
    @Autowired
    DueVisits dueVisits;

    private Given given;
    private Api villageOfficer;

    @BeforeEach
    void policyAndOfficer() {
        given = new Given(kafka);
        given.policy2024();
        villageOfficer = Api.as(tokens, port, "VILLAGE_OFFICER", VILLAGE);
    }

    @Test
    void aMonthBelowTheMonitoringLineRaisesARedWarningThatIsListedAndPublished() {
        String household = monitored(VILLAGE, ObjectType.UNSTABLE_ALLEVIATED);

        Reply reply = villageOfficer.post("/api/monitoring/{id}/records", month("6100.00", List.of("BASIC_MEDICAL")),
                household);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("warningLevel").asText()).isEqualTo("I_RED");
        assertThat(reply.body().get("colourGrade").asText()).isEqualTo("RED");
        assertThat(reply.body().get("correction").asBoolean()).isFalse();

        Reply warnings = Api.as(tokens, port, "SUPERVISOR", "150724").get("/api/warnings?level=I_RED&region=150724");
        assertThat(warnings.body().get("warnings").findValuesAsText("householdId")).contains(household);

        List<EventEnvelope> published = published(household, 3);
        assertThat(published).extracting(EventEnvelope::type).containsExactly(
                "fangpin.monitoring.MonthlyMonitoringRecorded.v1", "fangpin.monitoring.WarningRaised.v1",
                "fangpin.monitoring.ColourGradeChanged.v1");
        MonthlyMonitoringRecorded recorded = (MonthlyMonitoringRecorded) published.get(0).data();
        assertThat(recorded.month()).isEqualTo(THIS_MONTH);
        assertThat(recorded.perCapitaNetIncome()).isEqualByComparingTo("6100.00");
        assertThat(recorded.guaranteeGaps()).containsExactly(Guarantee.BASIC_MEDICAL);
        assertThat(published.get(0).actor().role()).isEqualTo("VILLAGE_OFFICER");
        WarningRaised warning = (WarningRaised) published.get(1).data();
        assertThat(warning.level()).isEqualTo(WarningLevel.I_RED);
        assertThat(warning.rule()).isEqualTo("INCOME_BELOW_MONITORING_LINE");
        assertThat(warning.threshold()).isEqualByComparingTo("8300.00");
    }

    @Test
    void aCorrectionOfTheMonthIsKeptBesideTheRecordAndClearsTheWarning() {
        String household = monitored(VILLAGE, ObjectType.MARGINAL_VULNERABLE);
        villageOfficer.post("/api/monitoring/{id}/records", month("6100.00", List.of()), household);

        Reply corrected = villageOfficer.post("/api/monitoring/{id}/records", month("9100.00", List.of()), household);

        assertThat(corrected.body().get("correction").asBoolean()).isTrue();
        assertThat(corrected.body().has("warningLevel")).isFalse();
        assertThat(villageOfficer.get("/api/monitoring/{id}/records", household).body()).hasSize(2);
        assertThat(villageOfficer.get("/api/monitoring/{id}/warnings", household).body().findValuesAsText("change"))
                .containsExactly("RAISED", "CLEARED");
    }

    @Test
    void monthsSinceTheCountysDecisionAreEnteredLateAndAClosureCarriesTheDayTheCountyDecided() {
        String household = monitored(VILLAGE, ObjectType.MARGINAL_VULNERABLE);
        Api county = Api.as(tokens, port, "COUNTY_APPROVER", "150724");

        Reply beforeTheDecision = villageOfficer.post("/api/monitoring/{id}/records", Map.of("month", "2024-06",
                "perCapitaNetIncome", 9000, "contactMethod", "HOME_VISIT", "recordedOn", "2024-07-20"), household);
        Reply late = villageOfficer.post("/api/monitoring/{id}/records", Map.of("month", "2024-07",
                "perCapitaNetIncome", 9000, "contactMethod", "HOME_VISIT", "recordedOn", "2024-07-20"), household);
        Reply closureTomorrow = county.post("/api/monitoring/{id}/closure", Map.of("reason", "MOVED_AWAY",
                "judgement", "全户迁出", "closedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString()),
                household);
        Reply closureBeforeMonitoring = county.post("/api/monitoring/{id}/closure", Map.of("reason", "MOVED_AWAY",
                "judgement", "全户迁出", "closedOn", "2024-07-01"), household);
        Reply closed = county.post("/api/monitoring/{id}/closure", Map.of("reason", "MOVED_AWAY",
                "judgement", "2024年9月全户户籍迁至呼和浩特市", "closedOn", "2024-09-30"), household);

        assertThat(beforeTheDecision.code()).isEqualTo("MONITORING_MONTH_BEFORE_START");
        assertThat(late.status()).isEqualTo(201);
        assertThat(closureTomorrow.code()).isEqualTo("DATE_IN_FUTURE");
        assertThat(closureBeforeMonitoring.code()).isEqualTo("MONITORING_CLOSURE_BEFORE_PREVIOUS_STEP");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().get("closedOn").asText()).isEqualTo("2024-09-30");
        assertThat(published(household, 2).stream().map(EventEnvelope::data)
                .filter(MonitoringClosed.class::isInstance).map(MonitoringClosed.class::cast)
                .map(MonitoringClosed::closedOn)).containsExactly(LocalDate.of(2024, 9, 30));
    }

    @Test
    void refusedRecordsChangeNothing() {
        String household = monitored(VILLAGE, ObjectType.MARGINAL_VULNERABLE);
        long before = storedEvents();

        Reply negative = villageOfficer.post("/api/monitoring/{id}/records", month("-1.00", List.of()), household);
        Reply phoneWithoutReason = villageOfficer.post("/api/monitoring/{id}/records", Map.of("month",
                THIS_MONTH.toString(), "perCapitaNetIncome", 9000, "contactMethod", "PHONE"), household);
        Reply nextMonth = villageOfficer.post("/api/monitoring/{id}/records", Map.of("month",
                THIS_MONTH.plusMonths(1).toString(), "perCapitaNetIncome", 9000, "contactMethod", "HOME_VISIT"),
                household);
        Reply supervisor = Api.as(tokens, port, "SUPERVISOR", "150724")
                .post("/api/monitoring/{id}/records", month("9000.00", List.of()), household);
        Reply otherVillage = Api.as(tokens, port, "VILLAGE_OFFICER", OTHER_VILLAGE)
                .post("/api/monitoring/{id}/records", month("9000.00", List.of()), household);

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(phoneWithoutReason.status()).isEqualTo(422);
        assertThat(phoneWithoutReason.code()).isEqualTo("MONITORING_NO_VISIT_REASON");
        assertThat(phoneWithoutReason.body().get("detail").asText()).contains("未入户的原因");
        assertThat(nextMonth.code()).isEqualTo("MONITORING_MONTH_NOT_BEGUN");
        assertThat(supervisor.status()).isEqualTo(403);
        assertThat(otherVillage.status()).isEqualTo(403);
        assertThat(otherVillage.code()).isEqualTo("OUT_OF_JURISDICTION");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aVillagesMonthIsRecordedInOneRequestOrNotAtAll() {
        String first = monitored(VILLAGE, ObjectType.MARGINAL_VULNERABLE);
        String second = monitored(VILLAGE, ObjectType.SUDDEN_HARDSHIP);

        long before = storedEvents();

        Reply refused = villageOfficer.post("/api/monitoring/records", List.of(
                Map.of("householdId", first, "record", month("6100.00", List.of())),
                Map.of("householdId", second, "record", Map.of("month", THIS_MONTH.toString(),
                        "perCapitaNetIncome", 9000, "contactMethod", "PHONE")),
                Map.of("householdId", first, "record", Map.of("month", THIS_MONTH.plusMonths(1).toString(),
                        "perCapitaNetIncome", 9000, "contactMethod", "HOME_VISIT"))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("MONITORING_RECORDS_REFUSED");
        assertThat(refused.body().get("refusals").findValuesAsText("index")).containsExactly("1", "2");
        assertThat(refused.body().get("refusals").findValuesAsText("householdId")).containsExactly(second, first);
        assertThat(refused.body().get("refusals").findValuesAsText("code"))
                .containsExactly("MONITORING_NO_VISIT_REASON", "MONITORING_MONTH_NOT_BEGUN");
        assertThat(refused.body().get("refusals").get(0).get("detail").asText()).contains("未入户的原因");
        assertThat(villageOfficer.get("/api/monitoring/{id}/records", first).body()).isEmpty();
        assertThat(villageOfficer.get("/api/monitoring/{id}", first).body().has("warningLevel")).isFalse();
        assertThat(storedEvents()).isEqualTo(before);

        Reply recorded = villageOfficer.post("/api/monitoring/records", List.of(
                Map.of("householdId", first, "record", month("9000.00", List.of())),
                Map.of("householdId", second, "record", month("5200.00", List.of("HOUSING_SAFETY"))),
                Map.of("householdId", first, "record", month("9100.00", List.of()))));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.body().get("recorded").asInt()).isEqualTo(3);
        assertThat(recorded.body().get("corrections").asInt()).isEqualTo(1);
        assertThat(villageOfficer.get("/api/monitoring/{id}/records", first).body()).hasSize(2);
        assertThat(villageOfficer.get("/api/monitoring/{id}", second).body().get("warningLevel").asText())
                .isEqualTo("I_RED");
        assertThat(published(second, 2)).extracting(EventEnvelope::type).startsWith(
                "fangpin.monitoring.MonthlyMonitoringRecorded.v1", "fangpin.monitoring.WarningRaised.v1");
    }

    @Test
    void anUnrecordedMonthIsFlaggedOnceAfterTheDueDayAndListedForTheVillage() {
        String unrecorded = monitored(OTHER_VILLAGE, ObjectType.MARGINAL_VULNERABLE);
        String recorded = monitored(OTHER_VILLAGE, ObjectType.MARGINAL_VULNERABLE);
        Api officer = Api.as(tokens, port, "VILLAGE_OFFICER", OTHER_VILLAGE);
        officer.post("/api/monitoring/{id}/records", month("9000.00", List.of()), recorded);
        LocalDate afterDueDay = THIS_MONTH.plusMonths(1).atDay(1);

        missedCheck.flag(afterDueDay);
        missedCheck.flag(afterDueDay);

        Reply missed = officer.get("/api/monitoring/missed?village={v}&month={m}", OTHER_VILLAGE, THIS_MONTH);
        assertThat(missed.body().findValuesAsText("householdId")).containsExactly(unrecorded);
        assertThat(jdbc.sql("SELECT count(*) FROM missed_monitoring WHERE household_id = :id")
                .param("id", unrecorded).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void eachRegionIsCheckedForMissedMonthsAfterItsOwnReportingDay() {
        policy("150724101", 10);
        policy("150724102", 25);
        String dueOnThe10th = monitored("150724101201", ObjectType.MARGINAL_VULNERABLE);
        String dueOnThe25th = monitored("150724102201", ObjectType.MARGINAL_VULNERABLE);
        YearMonth next = THIS_MONTH.plusMonths(1);

        missedCheck.flag(next.atDay(20));

        assertThat(missed(dueOnThe10th, next)).isEqualTo(1);
        assertThat(missed(dueOnThe25th, next)).as("its reporting day has not come").isZero();

        missedCheck.flag(next.atDay(26));

        assertThat(missed(dueOnThe25th, next)).isEqualTo(1);
    }

    @Test
    void theCountyChecksForMissedMonthsOnTheReportingDayItselfAndTheCheckIsOnRecord() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        policy("150724103", today.getDayOfMonth());
        String household = monitored("150724103201", ObjectType.MARGINAL_VULNERABLE);
        Api county = Api.as(tokens, port, "COUNTY_APPROVER", "150724");

        missedCheck.flag(today);
        assertThat(missed(household, THIS_MONTH)).as("the night checks reporting days that have ended").isZero();

        Reply checked = county.post("/api/monitoring/missed-checks?region=150724103", Map.of());

        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.body().get("regionCode").asText()).isEqualTo("150724103");
        assertThat(checked.body().get("months").isArray()).isTrue();
        assertThat(checked.body().get("months").get(checked.body().get("months").size() - 1).asText())
                .isEqualTo(THIS_MONTH.toString());
        assertThat(checked.body().get("householdsFlagged").asInt()).isEqualTo(1);
        assertThat(missed(household, THIS_MONTH)).isEqualTo(1);
        assertThat(county.get("/api/monitoring/missed?village={v}&month={m}", "150724103201", THIS_MONTH).body()
                .findValuesAsText("householdId")).containsExactly(household);

        Reply again = county.post("/api/monitoring/missed-checks?region=150724103", Map.of());
        assertThat(again.body().get("householdsFlagged").asInt()).isZero();
        for (Reply run : List.of(checked, again)) {
            String subject = "missed-check:" + run.body().get("checkId").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> ofSubject(subject).size() == 1);
            EventEnvelope audited = ofSubject(subject).get(0);
            assertThat(audited.actor().role()).isEqualTo("COUNTY_APPROVER");
            assertThat(audited.actor().id()).isNotBlank();
            assertThat(((MissedMonitoringChecked) audited.data()).householdsFlagged())
                    .isEqualTo(run.body().get("householdsFlagged").asInt());
        }
    }

    @Test
    void householdsWithoutThisMonthsRecordAreDueUntilTheirVillagesReportingDayPasses() {
        policy("150724104", 10);
        policy("150724105", 31);
        String dueOnThe10th = monitored("150724104201", ObjectType.MARGINAL_VULNERABLE);
        List<String> dueAtMonthEnd = new ArrayList<>(List.of(monitored("150724105201", ObjectType.MARGINAL_VULNERABLE),
                monitored("150724105201", ObjectType.UNSTABLE_ALLEVIATED)));
        String recorded = monitored("150724105201", ObjectType.MARGINAL_VULNERABLE);
        Api officer = Api.as(tokens, port, "VILLAGE_OFFICER", "150724105201");
        officer.post("/api/monitoring/{id}/records", month("9000.00", List.of()), recorded);
        dueAtMonthEnd.sort(null);

        Reply due = officer.get("/api/monitoring/due");
        assertThat(due.status()).isEqualTo(200);
        assertThat(due.body().get("visits").findValuesAsText("householdId")).containsExactlyElementsOf(dueAtMonthEnd);
        JsonNode visit = due.body().get("visits").get(0);
        assertThat(visit.get("month").asText()).isEqualTo(THIS_MONTH.toString());
        assertThat(visit.get("dueOn").asText()).isEqualTo(THIS_MONTH.atEndOfMonth().toString());
        assertThat(visit.get("regionCode").asText()).isEqualTo("150724105201");

        Reply first = officer.get("/api/monitoring/due?limit=1");
        assertThat(first.body().get("visits").findValuesAsText("householdId")).containsExactly(dueAtMonthEnd.get(0));
        assertThat(officer.get("/api/monitoring/due?limit=1&cursor={c}", first.body().get("nextCursor").asText())
                .body().get("visits").findValuesAsText("householdId")).containsExactly(dueAtMonthEnd.get(1));
        assertThat(officer.get("/api/monitoring/due?region=150724104201").status()).isEqualTo(403);

        assertThat(dueVisits.page("150724", THIS_MONTH.atDay(10), null, 500)).extracting(DueVisit::householdId)
                .as("the reporting day itself is still in time").contains(dueOnThe10th)
                .containsAll(dueAtMonthEnd).doesNotContain(recorded);
        assertThat(dueVisits.page("150724", THIS_MONTH.atDay(11), null, 500)).extracting(DueVisit::householdId)
                .as("past the 10th it is missed, no longer due").doesNotContain(dueOnThe10th)
                .containsAll(dueAtMonthEnd);
    }

    @Test
    void onlyTheCountyRunsTheMissedCheckAndOnlyWithinItsCounty() {
        Reply village = villageOfficer.post("/api/monitoring/missed-checks", Map.of());
        Reply township = Api.as(tokens, port, "TOWNSHIP_REVIEWER", "150724213")
                .post("/api/monitoring/missed-checks", Map.of());
        Reply otherCounty = Api.as(tokens, port, "COUNTY_APPROVER", "150725")
                .post("/api/monitoring/missed-checks?region=150724", Map.of());
        Reply wildcard = Api.as(tokens, port, "COUNTY_APPROVER", "150724")
                .post("/api/monitoring/missed-checks?region={r}", Map.of(), "1507%");

        assertThat(village.status()).isEqualTo(403);
        assertThat(township.status()).isEqualTo(403);
        assertThat(otherCounty.status()).isEqualTo(403);
        assertThat(otherCounty.code()).isEqualTo("OUT_OF_JURISDICTION");
        assertThat(wildcard.status()).isEqualTo(400);
    }

    /** Two replicas of the service run the night's check at the same moment. */
    @Test
    void twoChecksAtOnceFlagEachHouseholdOnceAndBothFinish() throws Exception {
        List<String> households = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            households.add(monitored("150724213205", ObjectType.MARGINAL_VULNERABLE));
        }
        YearMonth next = THIS_MONTH.plusMonths(1);
        long before = jdbc.sql("SELECT count(*) FROM missed_monitoring").query(Long.class).single();
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Checked>> runs = new ArrayList<>();
            for (int replica = 0; replica < 2; replica++) {
                runs.add(replicas.submit(() -> {
                    start.await();
                    return missedCheck.flag(next.atDay(27));
                }));
            }
            start.countDown();
            int flagged = runs.get(0).get(2, TimeUnit.MINUTES).householdsFlagged()
                    + runs.get(1).get(2, TimeUnit.MINUTES).householdsFlagged();

            assertThat(households).allSatisfy(household -> assertThat(missed(household, next)).isEqualTo(1));
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM domainevententry
                            WHERE aggregateidentifier IN (:ids) AND payloadtype LIKE '%MonthlyMonitoringMissed'""")
                    .param("ids", households).query(Long.class).single())
                    .as("one event per household and month flagged").isEqualTo(jdbc.sql(
                            "SELECT count(*) FROM missed_monitoring WHERE household_id IN (:ids)")
                            .param("ids", households).query(Long.class).single());
            assertThat(flagged).isEqualTo(jdbc.sql("SELECT count(*) FROM missed_monitoring")
                    .query(Long.class).single() - before);
        } finally {
            replicas.shutdownNow();
        }
    }

    @Test
    void openWarningsAreListedWithinAValidRegionOnlyAndANationalSupervisorSeesEveryCounty() {
        String here = monitored(VILLAGE, ObjectType.MARGINAL_VULNERABLE);
        villageOfficer.post("/api/monitoring/{id}/records", month("6100.00", List.of()), here);
        policy("150702", 31);
        String elsewhere = UUID.randomUUID().toString();
        given.identified(elsewhere, "150702001001", ObjectType.MARGINAL_VULNERABLE);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM monitored_household WHERE household_id = :id")
                .param("id", elsewhere).query(Long.class).single() == 1);
        Api.as(tokens, port, "VILLAGE_OFFICER", "150702001001")
                .post("/api/monitoring/{id}/records", month("6100.00", List.of()), elsewhere);
        Api county = Api.as(tokens, port, "COUNTY_APPROVER", "150724");

        Reply percent = county.get("/api/warnings?region={r}", "%");
        Reply underscores = county.get("/api/warnings?region={r}", "______");
        Reply national = Api.as(tokens, port, "SUPERVISOR", "00").get("/api/warnings?limit=500");
        Reply province = Api.as(tokens, port, "SUPERVISOR", "15").get("/api/warnings?limit=500");
        Reply own = county.get("/api/warnings?limit=500");

        assertThat(percent.status()).isEqualTo(400);
        assertThat(underscores.status()).isEqualTo(400);
        assertThat(national.status()).isEqualTo(200);
        assertThat(national.body().get("warnings").findValuesAsText("householdId")).contains(here, elsewhere);
        assertThat(province.body().get("warnings").findValuesAsText("householdId")).contains(here, elsewhere);
        assertThat(own.body().get("warnings").findValuesAsText("householdId")).contains(here)
                .doesNotContain(elsewhere);
    }

    @Test
    void aMonthsRecordReadsBackWithItsListsAsArraysItsExpendituresAsAnObjectAndWhatItFound() {
        String household = monitored(VILLAGE, ObjectType.MARGINAL_VULNERABLE);
        Map<String, Object> record = new HashMap<>(month("9100.00", List.of("HOUSING_SAFETY", "DRINKING_WATER")));
        record.put("rigidExpenditures", Map.of("MEDICAL", new BigDecimal("6200.00")));
        record.put("labourCapacity", "PARTIAL");

        Reply recorded = villageOfficer.post("/api/monitoring/{id}/records", record, household);

        assertThat(recorded.body().get("monthWarningLevel").asText()).isEqualTo("I_RED");
        assertThat(recorded.body().get("latestMonth").asText()).isEqualTo(THIS_MONTH.toString());
        JsonNode month = villageOfficer.get("/api/monitoring/{id}/records", household).body().get(0);
        assertThat(month.get("guaranteeGaps").isArray()).isTrue();
        assertThat(List.of(month.get("guaranteeGaps").get(0).asText(), month.get("guaranteeGaps").get(1).asText()))
                .containsExactly("HOUSING_SAFETY", "DRINKING_WATER");
        assertThat(month.get("rigidExpenditures").isObject()).isTrue();
        assertThat(month.get("rigidExpenditures").get("MEDICAL").decimalValue()).isEqualByComparingTo("6200.00");
        assertThat(month.get("labourCapacity").asText()).isEqualTo("PARTIAL");
        assertThat(month.get("findingLevel").asText()).isEqualTo("I_RED");
        assertThat(month.get("findingRule").asText()).isEqualTo("GUARANTEE_GAP");
        assertThat(OffsetDateTime.parse(month.get("recordedAt").asText())).isNotNull();
    }

    @Test
    void afterEliminationMonitoringContinuesAsLookBackUntilARollback() {
        String household = monitored(VILLAGE, ObjectType.MARGINAL_VULNERABLE);

        riskEliminated(household);

        given.send(Topics.ASSISTANCE, new RiskRolledBack(household, VILLAGE, "收入再次低于监测收入标准",
                LocalDate.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !lookBack(household));
    }

    @Test
    void anAreaHazardAsksForAnImmediateVisitToEveryMonitoredHouseholdOfItsVillages() {
        String household = monitored(VILLAGE, ObjectType.MARGINAL_VULNERABLE);
        Api township = Api.as(tokens, port, "TOWNSHIP_REVIEWER", "150724213");

        Reply declared = township.post("/api/monitoring/area-hazards", Map.of("hazardType", "DISASTER",
                "villages", List.of(VILLAGE), "description", "暴雪灾害，牧草储备不足"));

        assertThat(declared.status()).isEqualTo(201);
        assertThat(declared.body().get("householdsToVisit").asInt()).isPositive();
        assertThat(villageOfficer.get("/api/monitoring/{id}", household).body().get("visitHazardId").asText())
                .isEqualTo(declared.body().get("hazardId").asText());
        Reply outside = Api.as(tokens, port, "TOWNSHIP_REVIEWER", "150724101")
                .post("/api/monitoring/area-hazards", Map.of("hazardType", "DISASTER",
                        "villages", List.of(VILLAGE), "description", "越权声明"));
        assertThat(outside.status()).isEqualTo(403);
    }

    @Test
    void theCountyClosesAStableHouseholdAndItsMonitoringEnds() {
        String household = monitored(VILLAGE, ObjectType.MARGINAL_VULNERABLE);
        riskEliminated(household);
        Api county = Api.as(tokens, port, "COUNTY_APPROVER", "150724");

        Reply closed = county.post("/api/monitoring/{id}/closure", STABLE, household);

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().get("reason").asText()).isEqualTo("STABLE_AFTER_LOOK_BACK");
        Reply view = county.get("/api/monitoring/{id}", household);
        assertThat(view.body().get("closureReason").asText()).isEqualTo("STABLE_AFTER_LOOK_BACK");
        assertThat(view.body().get("closedOn").asText()).isEqualTo(closed.body().get("closedOn").asText());
        Reply record = villageOfficer.post("/api/monitoring/{id}/records", month("9600.00", List.of()), household);
        assertThat(record.status()).isEqualTo(409);
        assertThat(record.code()).isEqualTo("MONITORING_CLOSED");
        assertThat(county.post("/api/monitoring/{id}/closure", STABLE, household).status()).isEqualTo(409);

        missedCheck.flag(THIS_MONTH.plusMonths(1).atDay(1));
        assertThat(jdbc.sql("SELECT count(*) FROM missed_monitoring WHERE household_id = :id")
                .param("id", household).query(Long.class).single()).isZero();

        MonitoringClosed published = (MonitoringClosed) published(household, 2).stream()
                .map(EventEnvelope::data).filter(MonitoringClosed.class::isInstance).findFirst().orElseThrow();
        assertThat(published.reason()).isEqualTo(ClosureReason.STABLE_AFTER_LOOK_BACK);
        assertThat(published.judgement()).isEqualTo(STABLE.get("judgement"));
    }

    @Test
    void onlyTheCountyClosesMonitoringAndOnlyForAReasonTheRulesAccept() {
        String household = monitored(VILLAGE, ObjectType.MARGINAL_VULNERABLE);
        Api county = Api.as(tokens, port, "COUNTY_APPROVER", "150724");
        long before = storedEvents();

        Reply village = villageOfficer.post("/api/monitoring/{id}/closure", STABLE, household);
        Reply otherCounty = Api.as(tokens, port, "COUNTY_APPROVER", "150725")
                .post("/api/monitoring/{id}/closure", STABLE, household);
        Reply notEliminated = county.post("/api/monitoring/{id}/closure", STABLE, household);
        Reply noJudgement = county.post("/api/monitoring/{id}/closure", Map.of("reason", "MOVED_AWAY"), household);

        assertThat(village.status()).isEqualTo(403);
        assertThat(otherCounty.status()).isEqualTo(403);
        assertThat(notEliminated.status()).isEqualTo(422);
        assertThat(notEliminated.code()).isEqualTo("MONITORING_CLOSURE_RISK_NOT_ELIMINATED");
        assertThat(notEliminated.body().get("detail").asText()).contains("风险尚未消除");
        assertThat(noJudgement.status()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(before);

        Reply movedAway = county.post("/api/monitoring/{id}/closure", Map.of("reason", "MOVED_AWAY",
                "judgement", "2025年全户户籍迁至呼和浩特市"), household);
        assertThat(movedAway.status()).isEqualTo(200);
    }

    private String monitored(String village, ObjectType objectType) {
        String household = UUID.randomUUID().toString();
        given.identified(household, village, objectType);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM monitored_household WHERE household_id = :id")
                .param("id", household).query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM policy WHERE region_prefix = '150724'").query(Long.class).single() == 1);
        return household;
    }

    /** A policy of the region for this year, like the county's but with its own reporting day. */
    private void policy(String region, int dueDay) {
        given.send(Topics.IDENTIFICATION, new PolicyChanged(region, THIS_MONTH.getYear(), PolicyThresholds.of(
                new BigDecimal("8300.00"), new BigDecimal("5000.00"), new BigDecimal("10000.00"),
                new BigDecimal("8000.00"), 5, 15, 5, dueDay, 6, 6, 15, 6), "每月" + dueDay + "日前完成动态监测"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM policy WHERE region_prefix = :region AND policy_year = :year")
                .param("region", region).param("year", THIS_MONTH.getYear()).query(Long.class).single() == 1);
    }

    private long missed(String household, YearMonth month) {
        return jdbc.sql("SELECT count(*) FROM missed_monitoring WHERE household_id = :id AND month = :month")
                .param("id", household).param("month", month.atDay(1)).query(Long.class).single();
    }

    private static Map<String, Object> month(String income, List<String> gaps) {
        return Map.of("month", THIS_MONTH.toString(), "perCapitaNetIncome", income, "guaranteeGaps", gaps,
                "contactMethod", "HOME_VISIT");
    }

    private List<EventEnvelope> published(String household, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ofHousehold(household).size() >= atLeast);
        return ofHousehold(household);
    }

    private List<EventEnvelope> ofSubject(String subject) {
        return broker.read(Topics.MONITORING, 1).stream().map(r -> Envelopes.decode(r.value()))
                .filter(e -> e.subject().equals(subject)).toList();
    }

    private List<EventEnvelope> ofHousehold(String household) {
        return broker.read(Topics.MONITORING, 1).stream().map(r -> Envelopes.decode(r.value()))
                .filter(e -> e.subject().equals(household))
                .filter(e -> !e.type().equals("fangpin.monitoring.MonitoringStarted.v1"))
                .toList();
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    /** The assistance service eliminated the household's risk; monitoring goes on as look-back. */
    private void riskEliminated(String household) {
        given.send(Topics.ASSISTANCE, new RiskEliminated(household, VILLAGE, List.of(RiskType.ILLNESS),
                LocalDate.now(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> lookBack(household));
    }

    private boolean lookBack(String household) {
        return villageOfficer.get("/api/monitoring/{id}", household).body().get("lookBack").asBoolean();
    }
}
