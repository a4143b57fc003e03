package org.fangpin.assistance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import org.fangpin.assistance.process.DeadlineWatch;
import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.Topics;
import org.fangpin.contracts.assistance.AssistanceCaseClosed;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdReidentified;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.monitoring.WarningCleared;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * The assistance service with real PostgreSQL and Kafka, driven through HTTP with tokens and through monitoring's and
 * identification's events as they would publish them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class AssistanceFlowIT {

    private static final String VILLAGE = "150724213201";
    private static final String OTHER_VILLAGE = "150724213202";
    /** A village no other test of this class uses, so its lists hold only what one test put there. */
    private static final String QUIET_VILLAGE = "150724213203";
    /** 海拉尔区, another county of Hulunbuir. */
    private static final String HAILAR_VILLAGE = "150702001001";
    private static final ActorRef MONITORING = new ActorRef("system:monitoring-service", "monitoring-service",
            "SYSTEM", "");
    private static final ActorRef COUNTY_OFFICER = new ActorRef("u-301", "乌云", "COUNTY_APPROVER", "150724");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final Duration PATIENCE = Duration.ofSeconds(30);

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
    DeadlineWatch deadlines;
    @Autowired
    MeterRegistry meters;

    private final ObjectMapper json = new ObjectMapper();
    private RestClient village;
    private RestClient township;
    private RestClient county;

    @BeforeEach
    void policyAndUsers() {
        // Two months of stable income and no minimum time monitored keep the flow short; the rules are the same.
        publish(Topics.IDENTIFICATION, new PolicyChanged("150724", 2020, PolicyThresholds.of(
                new BigDecimal("8300.00"), new BigDecimal("5000.00"), new BigDecimal("10000.00"),
                new BigDecimal("8000.00"), 5, 15, 5, 25, 2, 0, 3, 6), "鄂温克族自治旗监测帮扶政策参数"));
        village = client("VILLAGE_OFFICER", VILLAGE);
        township = client("TOWNSHIP_REVIEWER", "150724213");
        county = client("COUNTY_APPROVER", "150724");
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM policy").query(Long.class).single() > 0);
    }

    @Test
    void identifiedWarnedAssistedEliminatedWarnedAgainRolledBackAndEliminatedAgain() {
        String household = identified(LabourCapacity.FULL);
        stableIncome(household, 2);

        warningRaised(household, "w-1", LocalDate.now(ZoneId.of("Asia/Shanghai")));
        await().atMost(PATIENCE).until(() -> warning(household, "w-1") != null);

        String measureId = village.post().uri("/api/assistance/{id}/measures", household).body(Map.of(
                        "measureType", "EMPLOYMENT", "description", "安排到镇肉牛合作社务工", "riskTypes", List.of("ILLNESS"),
                        "department", "人社局", "responsiblePerson", "包银花", "dueDate", TODAY.plusDays(30).toString()))
                .retrieve().body(JsonNode.class).get("measureId").asText();
        assertThat(warning(household, "w-1").get("responseMeasureId").asText()).isEqualTo(measureId);
        publish(Topics.MONITORING, new WarningCleared(household, VILLAGE, "w-1", "INCOME_BELOW_WARNING_LINE",
                "务工收入到账", TODAY));
        await().atMost(PATIENCE).until(() -> warning(household, "w-1").hasNonNull("closedOn"));

        village.patch().uri("/api/assistance/{id}/measures/{m}", household, measureId).body(Map.of(
                "status", "IN_PROGRESS", "progressNote", "已上岗，月工资3200元", "incomeEffect", 4800.00)).retrieve()
                .toBodilessEntity();
        village.post().uri("/api/assistance/{id}/developmental-assistance/confirmation", household).retrieve()
                .toBodilessEntity();
        township.post().uri("/api/assistance/{id}/developmental-assistance/confirmation", household).retrieve()
                .toBodilessEntity();
        var inProgress = exchange(village, HttpMethod.POST, "/api/assistance/" + household + "/elimination/propose",
                null);
        assertThat(inProgress.body().get("code").asText()).isEqualTo("ELIMINATION_CRITERIA_NOT_MET");
        assertThat(inProgress.body().get("detail").asText()).contains("落实中的措施不计");
        village.patch().uri("/api/assistance/{id}/measures/{m}", household, measureId).body(Map.of(
                "status", "COMPLETED", "outcome", "稳定务工满三个月，家庭人均纯收入超过监测收入标准")).retrieve()
                .toBodilessEntity();

        eliminate(household);
        JsonNode eliminated = county.get().uri("/api/assistance/{id}", household).retrieve().body(JsonNode.class);
        assertThat(eliminated.get("status").asText()).isEqualTo("RISK_ELIMINATED");
        JsonNode evidence = eliminated.get("eliminations").get(0).get("evidence");
        assertThat(evidence.get("monitoringLine").decimalValue()).isEqualByComparingTo("8300.00");
        assertThat(evidence.get("recentIncome")).hasSize(2);
        assertThat(evidence.get("measuresCarriedOut").get(0).asText()).isEqualTo("EMPLOYMENT");
        assertThat(evidence.get("measuresCompleted").get(0).asText()).isEqualTo("EMPLOYMENT");
        assertThat(eliminated.get("riskTypes").isArray()).isTrue();
        assertThat(eliminated.get("measures").get(0).get("riskTypes").get(0).asText()).isEqualTo("ILLNESS");
        assertThat(eliminated.get("measures").get(0).get("progress").findValuesAsText("note"))
                .containsExactly("已上岗，月工资3200元");

        warningRaised(household, "w-2", TODAY);
        await().atMost(PATIENCE).until(() -> warning(household, "w-2") != null);
        assertThat(warning(household, "w-2").get("lookBack").asBoolean()).isTrue();
        assertThat(village.get().uri("/api/assistance/look-back").retrieve().body(JsonNode.class).get("findings")
                .findValuesAsText("householdId")).contains(household);
        village.post().uri("/api/assistance/{id}/rollback/propose", household)
                .body(Map.of("reason", "回头看发现务工中断，收入回落")).retrieve().toBodilessEntity();
        township.post().uri("/api/assistance/{id}/rollback/verify", household).retrieve().toBodilessEntity();
        JsonNode rolledBack = county.post().uri("/api/assistance/{id}/rollback/approve", household).retrieve()
                .body(JsonNode.class);
        assertThat(rolledBack.get("status").asText()).isEqualTo("RISK_NOT_ELIMINATED");
        assertThat(rolledBack.get("eliminations").get(0).get("rolledBackOn").asText()).isEqualTo(TODAY.toString());
        assertThat(warning(household, "w-2").get("responseReason").asText()).contains("务工中断");

        publish(Topics.MONITORING, new WarningCleared(household, VILLAGE, "w-2", "INCOME_BELOW_WARNING_LINE",
                "重新上岗", TODAY));
        await().atMost(PATIENCE).until(() -> warning(household, "w-2").hasNonNull("closedOn"));
        eliminate(household);

        List<EventEnvelope> published = publishedFor(household, envelope ->
                envelope.type().endsWith("RiskEliminated.v1") || envelope.type().endsWith("RiskRolledBack.v1"), 3);
        assertThat(published).extracting(EventEnvelope::type).containsExactly(
                "fangpin.assistance.RiskEliminated.v1", "fangpin.assistance.RiskRolledBack.v1",
                "fangpin.assistance.RiskEliminated.v1");
        assertThat(published).extracting(e -> e.actor().role())
                .containsExactly("COUNTY_APPROVER", "COUNTY_APPROVER", "COUNTY_APPROVER");
        List<String> steps = publishedFor(household, e -> true, 16).stream().map(EventEnvelope::type)
                .map(type -> type.substring("fangpin.assistance.".length(), type.length() - 3)).toList();
        assertThat(steps).containsSubsequence("AssistanceCaseOpened", "MeasureAdded", "WarningResponded",
                "MeasureUpdated", "DevelopmentalAssistanceVillageConfirmed", "DevelopmentalAssistanceConfirmed",
                "RiskEliminationProposed", "RiskEliminationVerified", "RiskEliminated", "RiskRollbackProposed",
                "WarningResponded", "RiskRollbackVerified", "RiskRolledBack", "RiskEliminationProposed",
                "RiskEliminationVerified", "RiskEliminated");
    }

    @Test
    void refusalsSayWhyInChineseAndChangeNothing() {
        String household = identified(LabourCapacity.FULL);
        long before = storedEvents();

        var unmet = exchange(village, HttpMethod.POST, "/api/assistance/" + household + "/elimination/propose", null);
        assertThat(unmet.status()).isEqualTo(422);
        assertThat(unmet.body().get("code").asText()).isEqualTo("ELIMINATION_CRITERIA_NOT_MET");
        assertThat(unmet.body().get("detail").asText()).contains("收入", "尚未落实任何帮扶措施", "开发式帮扶");

        var outOfOrder = exchange(county, HttpMethod.POST, "/api/assistance/" + household + "/elimination/approve",
                null);
        assertThat(outOfOrder.status()).isEqualTo(409);
        assertThat(outOfOrder.body().get("code").asText()).isEqualTo("ELIMINATION_STEP_ORDER");

        Map<String, Object> measure = Map.of("measureType", "SAFETY_NET", "description", "纳入农村低保",
                "department", "民政局", "responsiblePerson", "乌云", "dueDate", TODAY.plusDays(10).toString());
        var safetyNetOnly = exchange(village, HttpMethod.POST, "/api/assistance/" + household + "/measures", measure);
        assertThat(safetyNetOnly.status()).isEqualTo(422);
        assertThat(safetyNetOnly.body().get("code").asText()).isEqualTo("SAFETY_NET_ONLY_PLAN");
        assertThat(safetyNetOnly.body().get("detail").asText()).contains("一兜了之");

        var pastDeadline = exchange(village, HttpMethod.POST, "/api/assistance/" + household + "/measures",
                Map.of("measureType", "INDUSTRY", "description", "扶持养殖", "department", "农牧和科技局",
                        "responsiblePerson", "乌云", "dueDate", TODAY.minusDays(1).toString()));
        assertThat(pastDeadline.body().get("code").asText()).isEqualTo("MEASURE_DUE_DATE_PAST");

        var elsewhere = exchange(client("VILLAGE_OFFICER", OTHER_VILLAGE), HttpMethod.POST,
                "/api/assistance/" + household + "/measures", measure);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.body().get("code").asText()).isEqualTo("OUT_OF_JURISDICTION");

        var readOnly = exchange(client("SUPERVISOR", "150724"), HttpMethod.POST,
                "/api/assistance/" + household + "/elimination/propose", null);
        assertThat(readOnly.status()).isEqualTo(403);

        var wrongRole = exchange(village, HttpMethod.POST, "/api/assistance/" + household + "/elimination/approve",
                null);
        assertThat(wrongRole.status()).isEqualTo(403);

        assertThat(storedEvents()).isEqualTo(before);

        String industry = village.post().uri("/api/assistance/{id}/measures", household).body(Map.of(
                        "measureType", "INDUSTRY", "description", "扶持养殖肉牛5头", "department", "农牧和科技局",
                        "responsiblePerson", "乌云", "dueDate", TODAY.plusDays(30).toString()))
                .retrieve().body(JsonNode.class).get("measureId").asText();
        village.post().uri("/api/assistance/{id}/measures", household).body(measure).retrieve().toBodilessEntity();
        long planned = storedEvents();
        var endedUnstarted = exchange(village, HttpMethod.PATCH,
                "/api/assistance/" + household + "/measures/" + industry, Map.of("status", "ENDED"));
        assertThat(endedUnstarted.status()).isEqualTo(422);
        assertThat(endedUnstarted.body().get("code").asText()).isEqualTo("SAFETY_NET_ONLY_PLAN");
        var completedSilently = exchange(village, HttpMethod.PATCH,
                "/api/assistance/" + household + "/measures/" + industry, Map.of("status", "COMPLETED"));
        assertThat(completedSilently.status()).isEqualTo(422);
        assertThat(completedSilently.body().get("code").asText()).isEqualTo("MEASURE_OUTCOME_REQUIRED");
        assertThat(storedEvents()).isEqualTo(planned);
    }

    @Test
    void theCaseOpensOnTheCountysDecisionDayAndEliminationStepsCarryTheDaysTheyHappened() {
        LocalDate decided = TODAY.minusMonths(3);
        String household = identified(LabourCapacity.FULL, VILLAGE, decided);
        readyForProposal(household);
        stableIncome(household, 3);
        String propose = "/api/assistance/" + household + "/elimination/propose";

        var tomorrow = exchange(village, HttpMethod.POST, propose, Map.of("proposedOn", TODAY.plusDays(1).toString()));
        var beforeTheCase = exchange(village, HttpMethod.POST, propose,
                Map.of("proposedOn", decided.minusDays(1).toString()));
        var proposed = exchange(village, HttpMethod.POST, propose, Map.of("proposedOn", TODAY.minusDays(2).toString()));
        var verifiedBefore = exchange(township, HttpMethod.POST, "/api/assistance/" + household + "/elimination/verify",
                Map.of("verifiedOn", TODAY.minusDays(3).toString()));
        township.post().uri("/api/assistance/{id}/elimination/verify", household)
                .body(Map.of("verifiedOn", TODAY.minusDays(1).toString())).retrieve().toBodilessEntity();
        JsonNode approved = county.post().uri("/api/assistance/{id}/elimination/approve", household)
                .body(Map.of("approvedOn", TODAY.minusDays(1).toString())).retrieve().body(JsonNode.class);

        assertThat(tomorrow.body().get("code").asText()).isEqualTo("DATE_IN_FUTURE");
        assertThat(beforeTheCase.body().get("code").asText()).isEqualTo("ELIMINATION_DATE_BEFORE_PREVIOUS_STEP");
        assertThat(proposed.status()).isEqualTo(200);
        assertThat(proposed.body().get("openedOn").asText()).isEqualTo(decided.toString());
        assertThat(verifiedBefore.body().get("code").asText()).isEqualTo("ELIMINATION_DATE_BEFORE_PREVIOUS_STEP");
        assertThat(approved.get("eliminatedOn").asText()).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(approved.get("eliminations").get(0).get("evidence").get("monitoredMonths").asLong())
                .isEqualTo(ChronoUnit.MONTHS.between(decided, TODAY.minusDays(1)));
        RiskEliminated published = (RiskEliminated) await().atMost(PATIENCE).until(() -> broker
                .read(Topics.ASSISTANCE, 1).stream().map(r -> Envelopes.decode(r.value()))
                .filter(e -> e.subject().equals(household) && e.data() instanceof RiskEliminated)
                .map(EventEnvelope::data).findFirst().orElse(null), Objects::nonNull);
        assertThat(published.eliminatedOn()).isEqualTo(TODAY.minusDays(1));
        assertThat(published.backdatingNote()).isNull();
    }

    @Test
    void ofTwoConcurrentCountyApprovalsExactlyOneWins() {
        String household = identified(LabourCapacity.FULL);
        stableIncome(household, 2);
        readyAndVerified(household);

        List<CompletableFuture<Reply>> approvals = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> exchange(county, HttpMethod.POST,
                        "/api/assistance/" + household + "/elimination/approve", null)))
                .toList();
        List<Reply> replies = approvals.stream().map(CompletableFuture::join).toList();

        assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
        assertThat(replies).filteredOn(reply -> reply.status() == 409).singleElement()
                .satisfies(reply -> assertThat(reply.body().get("code").asText())
                        .isIn("RISK_ALREADY_ELIMINATED", "CONCURRENT_CHANGE"));
        assertThat(jdbc.sql("SELECT count(*) FROM elimination_decision WHERE household_id = :id")
                .param("id", household).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDeadlineWatchFlagsOverdueMeasuresAndUnansweredWarningsOnceAndEndsGradualExits() {
        String able = identified(LabourCapacity.FULL);
        String measureId = village.post().uri("/api/assistance/{id}/measures", able).body(Map.of(
                        "measureType", "INDUSTRY", "description", "扶持养殖肉牛5头", "department", "农牧和科技局",
                        "responsiblePerson", "乌云", "dueDate", TODAY.plusDays(5).toString()))
                .retrieve().body(JsonNode.class).get("measureId").asText();
        warningRaised(able, "w-late", TODAY.minusDays(10));
        await().atMost(PATIENCE).until(() -> warning(able, "w-late") != null);

        String withoutLabour = identified(LabourCapacity.NONE);
        String safetyNet = village.post().uri("/api/assistance/{id}/measures", withoutLabour).body(Map.of(
                        "measureType", "SAFETY_NET", "description", "纳入农村低保", "department", "民政局",
                        "responsiblePerson", "乌云", "dueDate", TODAY.plusDays(5).toString()))
                .retrieve().body(JsonNode.class).get("measureId").asText();
        JsonNode exiting = village.patch().uri("/api/assistance/{id}/measures/{m}", withoutLabour, safetyNet)
                .body(Map.of("status", "ENDED", "progressNote", "家庭人均收入已超过低保标准")).retrieve().body(JsonNode.class);
        assertThat(exiting.get("status").asText()).isEqualTo("GRADUAL_EXIT");
        assertThat(exiting.get("gradualExitEndsOn").asText()).isEqualTo(TODAY.plusMonths(6).toString());

        deadlines.scan(TODAY.plusDays(6));
        deadlines.scan(TODAY.plusDays(7));
        deadlines.scan(TODAY.plusMonths(6));

        JsonNode overdue = county.get().uri("/api/assistance/overdue-measures?department={d}", "农牧和科技局")
                .retrieve().body(JsonNode.class);
        assertThat(overdue.get("measures").findValuesAsText("measureId")).contains(measureId);
        assertThat(eventsOfType(able, "MeasureOverdue")).isEqualTo(1);
        assertThat(eventsOfType(able, "WarningResponseOverdue")).isEqualTo(1);
        assertThat(warning(able, "w-late").get("responseOverdueOn").asText()).isEqualTo(TODAY.plusDays(6).toString());
        assertThat(county.get().uri("/api/assistance/{id}", withoutLabour).retrieve().body(JsonNode.class)
                .get("measures").get(0).get("status").asText()).isEqualTo("ENDED");
    }

    @Test
    void measuresFallingDueAreListedSoonestFirstUntilTheyAreDoneOrOverdue() {
        String household = identified(LabourCapacity.FULL);
        String inThreeDays = waterMeasure(household, TODAY.plusDays(3));
        String today = waterMeasure(household, TODAY);
        String inAMonth = waterMeasure(household, TODAY.plusDays(30));
        String done = waterMeasure(household, TODAY.plusDays(1));
        village.patch().uri("/api/assistance/{id}/measures/{m}", household, done)
                .body(Map.of("status", "COMPLETED", "outcome", "自来水已入户")).retrieve().toBodilessEntity();

        assertThat(fallingDue(village, "?department=水利局")).containsExactly(today, inThreeDays);
        assertThat(fallingDue(village, "?department=水利局&withinDays=30")).containsExactly(today, inThreeDays,
                inAMonth);
        JsonNode first = village.get().uri("/api/assistance/measures-falling-due?department=水利局&limit=1")
                .retrieve().body(JsonNode.class);
        assertThat(first.get("measures").findValuesAsText("measureId")).containsExactly(today);
        assertThat(fallingDue(village, "?department=水利局&cursor=" + first.get("nextCursor").asText()))
                .containsExactly(inThreeDays);
        assertThat(fallingDue(client("VILLAGE_OFFICER", OTHER_VILLAGE), "?department=水利局")).isEmpty();

        var badCursor = exchange(village, HttpMethod.GET, "/api/assistance/measures-falling-due?cursor=nonesuch", null);
        assertThat(badCursor.status()).isEqualTo(422);
        assertThat(badCursor.body().get("code").asText()).isEqualTo("INVALID_CURSOR");
        assertThat(badCursor.body().get("detail").asText()).contains("翻页标记");
        assertThat(exchange(village, HttpMethod.GET, "/api/assistance/measures-falling-due?withinDays=-1", null)
                .status()).isEqualTo(400);

        deadlines.scan(TODAY.plusDays(1));
        assertThat(fallingDue(village, "?department=水利局")).as("overdue now, listed as overdue")
                .containsExactly(inThreeDays);
    }

    @Test
    void warningsAwaitingAResponseAreListedUntilAnsweredOldestFirst() {
        String household = identified(LabourCapacity.FULL, QUIET_VILLAGE);
        String elsewhere = identified(LabourCapacity.FULL, OTHER_VILLAGE);
        warningRaised(household, QUIET_VILLAGE, "w-old-" + household, TODAY.minusDays(9));
        warningRaised(household, QUIET_VILLAGE, "w-new-" + household, TODAY.minusDays(2));
        warningRaised(household, QUIET_VILLAGE, "w-answered-" + household, TODAY.minusDays(5));
        warningRaised(elsewhere, OTHER_VILLAGE, "w-" + elsewhere, TODAY.minusDays(1));
        await().atMost(PATIENCE).until(() -> warning(household, "w-answered-" + household) != null
                && warning(household, "w-new-" + household) != null && warning(elsewhere, "w-" + elsewhere) != null);
        RestClient officer = client("VILLAGE_OFFICER", QUIET_VILLAGE);
        officer.post().uri("/api/assistance/{id}/warnings/{w}/response", household, "w-answered-" + household)
                .body(Map.of("reason", "已落实产业帮扶，收入可望恢复")).retrieve().toBodilessEntity();

        assertThat(awaiting(officer, "")).containsExactly("w-old-" + household, "w-new-" + household);
        JsonNode first = officer.get().uri("/api/assistance/warnings-awaiting-response?limit=1").retrieve()
                .body(JsonNode.class);
        assertThat(first.get("warnings").get(0).get("level").asText()).isEqualTo("II_YELLOW");
        assertThat(first.get("warnings").get(0).get("raisedOn").asText()).isEqualTo(TODAY.minusDays(9).toString());
        assertThat(awaiting(officer, "?cursor=" + first.get("nextCursor").asText()))
                .containsExactly("w-new-" + household);
        assertThat(awaiting(township, "")).contains("w-old-" + household, "w-" + elsewhere)
                .doesNotContain("w-answered-" + household);

        var outside = exchange(officer, HttpMethod.GET, "/api/assistance/warnings-awaiting-response?region="
                + OTHER_VILLAGE, null);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(exchange(officer, HttpMethod.GET, "/api/assistance/warnings-awaiting-response?cursor=w-none",
                null).body().get("code").asText()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void householdsThatQualifiedAWhileAgoWithoutAProposalAreListedAsEliminationDue() {
        String due = identified(LabourCapacity.FULL);
        stableIncome(due, 3);
        readyForProposal(due);
        String justQualified = identified(LabourCapacity.FULL);
        stableIncome(justQualified, 2);
        readyForProposal(justQualified);

        JsonNode list = client("TOWNSHIP_REVIEWER", "150724213").get().uri("/api/assistance/elimination-due")
                .retrieve().body(JsonNode.class);

        assertThat(list.get("households").findValuesAsText("householdId")).contains(due).doesNotContain(justQualified);
    }

    @Test
    void aNewRiskAfterEliminationGoesToIdentificationAndTheReidentifiedCaseOpensAgain() {
        String household = identified(LabourCapacity.FULL);
        stableIncome(household, 2);
        readyAndVerified(household);
        county.post().uri("/api/assistance/{id}/elimination/approve", household).retrieve().toBodilessEntity();

        village.post().uri("/api/assistance/{id}/new-risk", household)
                .body(Map.of("riskTypes", List.of("DISASTER"), "reason", "暴雪致棚圈倒塌，牲畜损失过半")).retrieve()
                .toBodilessEntity();
        assertThat(publishedFor(household, e -> e.type().endsWith("NewRiskReported.v1"), 1)).singleElement()
                .satisfies(e -> assertThat(e.actor().role()).isEqualTo("VILLAGE_OFFICER"));
        publish(Topics.IDENTIFICATION, new HouseholdReidentified(household, VILLAGE, "lead-2-" + household,
                ObjectType.SUDDEN_HARDSHIP, List.of(RiskType.DISASTER), LabourCapacity.FULL,
                new BigDecimal("6100.00"), new BigDecimal("8300.00"), TODAY));

        await().atMost(PATIENCE).until(() -> "RISK_NOT_ELIMINATED".equals(county.get()
                .uri("/api/assistance/{id}", household).retrieve().body(JsonNode.class).get("status").asText()));
        JsonNode reopened = county.get().uri("/api/assistance/{id}", household).retrieve().body(JsonNode.class);
        assertThat(reopened.get("riskTypes")).singleElement().satisfies(risk ->
                assertThat(risk.asText()).isEqualTo("DISASTER"));
        assertThat(reopened.get("eliminations").get(0).has("rolledBackOn")).isFalse();
    }

    /**
     * 终止监测 (decision 0016): the county closes a household's monitoring and its case closes with it, once however
     * often the event is delivered; its overdue measure leaves the list, its measures no longer fall due, it is no
     * longer due for elimination, and elimination and rollback are refused.
     */
    @Test
    void aClosedMonitoringClosesTheCaseTakesItOffTheWorklistsAndStopsItsProcedures() {
        String household = identified(LabourCapacity.FULL);
        stableIncome(household, 3);
        readyForProposal(household);
        String late = addMeasure(village, household, "INDUSTRY", TODAY.plusDays(5));
        deadlines.scan(TODAY.plusDays(6));
        RestClient township = client("TOWNSHIP_REVIEWER", "150724213");
        assertThat(overdueMeasureIds(township, "")).contains(late);
        assertThat(eliminationDue(township)).contains(household);

        EventEnvelope closure = Envelopes.of(new MonitoringClosed(household, VILLAGE, ClosureReason.MOVED_AWAY,
                "全户户籍迁至呼和浩特市", TODAY), COUNTY_OFFICER, "corr-closure-" + household);
        kafka.send(Topics.MONITORING, household, Envelopes.encode(closure)).join();
        kafka.send(Topics.MONITORING, household, Envelopes.encode(closure)).join();

        await().atMost(PATIENCE).until(() -> "CLOSED".equals(county.get().uri("/api/assistance/{id}", household)
                .retrieve().body(JsonNode.class).get("status").asText()));
        JsonNode closed = county.get().uri("/api/assistance/{id}", household).retrieve().body(JsonNode.class);
        assertThat(closed.get("closureReason").asText()).isEqualTo("MOVED_AWAY");
        assertThat(closed.get("closedOn").asText()).isEqualTo(TODAY.toString());
        List<EventEnvelope> published = publishedFor(household,
                e -> e.type().equals("fangpin.assistance.AssistanceCaseClosed.v1"), 1);
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.data()).isEqualTo(new AssistanceCaseClosed(household, VILLAGE, ClosureReason.MOVED_AWAY,
                    TODAY));
            assertThat(e.correlationId()).isEqualTo("corr-closure-" + household);
        });
        await().atMost(PATIENCE).until(() -> {
            Counter duplicates = meters.find("fangpin.events.consumed")
                    .tags("consumer", "Automation_WhenMonitoringClosedThenCloseCase", "outcome", "duplicate")
                    .counter();
            return duplicates != null && duplicates.count() >= 1;
        });

        assertThat(overdueMeasureIds(township, "")).doesNotContain(late);
        assertThat(eliminationDue(township)).doesNotContain(household);
        deadlines.scan(TODAY.plusDays(60));
        assertThat(eventsOfType(household, "MeasureOverdue")).isEqualTo(1);
        var proposal = exchange(village, HttpMethod.POST, "/api/assistance/" + household + "/elimination/propose",
                null);
        assertThat(proposal.status()).isEqualTo(409);
        assertThat(proposal.body().get("code").asText()).isEqualTo("ASSISTANCE_CASE_CLOSED");
        assertThat(proposal.body().get("detail").asText()).contains("整户迁出");
        var rollback = exchange(village, HttpMethod.POST, "/api/assistance/" + household + "/rollback/propose",
                Map.of("reason", "回头看发现收入回落"));
        assertThat(rollback.status()).isEqualTo(409);
        assertThat(rollback.body().get("code").asText()).isEqualTo("ASSISTANCE_CASE_CLOSED");
        assertThat(publishedFor(household, e -> e.type().equals("fangpin.assistance.AssistanceCaseClosed.v1"), 1))
                .hasSize(1);
    }

    /**
     * A region asked for is a division code (2, 4, 6, 9 or 12 digits), never a pattern: a wildcard would reach every
     * county. A national supervisor (region {@code 00}) reads the lists of every county, or of one province.
     */
    @Test
    void worklistRegionsAreDivisionCodesAndANationalSupervisorReadsEveryCounty() {
        String ewenki = identified(LabourCapacity.FULL);
        String hailar = identified(LabourCapacity.FULL, HAILAR_VILLAGE);
        String inEwenki = addMeasure(village, ewenki, "INDUSTRY", TODAY.plusDays(5));
        String inHailar = addMeasure(client("VILLAGE_OFFICER", HAILAR_VILLAGE), hailar, "EMPLOYMENT",
                TODAY.plusDays(5));
        deadlines.scan(TODAY.plusDays(6));
        RestClient national = client("SUPERVISOR", "00");

        assertThat(overdueMeasureIds(national, "")).contains(inEwenki, inHailar);
        assertThat(overdueMeasureIds(national, "?region=15")).contains(inEwenki, inHailar);
        assertThat(overdueMeasureIds(national, "?region=150724")).contains(inEwenki).doesNotContain(inHailar);
        for (String list : List.of("overdue-measures", "elimination-due", "look-back")) {
            for (String region : List.of("%", "______", "1507", "15072", "%%%%%%")) {
                var refused = exchange(national, HttpMethod.GET, "/api/assistance/" + list + "?region=" + region,
                        null);
                assertThat(refused.status()).as(list + " " + region).isEqualTo(region.equals("1507") ? 200 : 400);
            }
        }
        var elsewhere = exchange(county, HttpMethod.GET, "/api/assistance/overdue-measures?region=150702", null);
        assertThat(elsewhere.status()).isEqualTo(403);
    }

    @Test
    void aCorrectedMonthReplacesTheMonthItCorrects() {
        String household = identified(LabourCapacity.PARTIAL);
        YearMonth month = YearMonth.from(TODAY);
        publish(Topics.MONITORING, new MonthlyMonitoringRecorded(household, VILLAGE, month, new BigDecimal("6900.00"),
                List.of(Guarantee.HOUSING_SAFETY), false));
        publish(Topics.MONITORING, new MonthlyMonitoringRecorded(household, VILLAGE, month, new BigDecimal("9100.00"),
                List.of(), true));

        await().atMost(PATIENCE).until(() -> jdbc.sql(
                                "SELECT per_capita_net_income FROM monthly_record WHERE household_id = :id")
                        .param("id", household).query(BigDecimal.class).list(),
                incomes -> incomes.size() == 1 && incomes.get(0).compareTo(new BigDecimal("9100.00")) == 0);
    }

    private void eliminate(String household) {
        village.post().uri("/api/assistance/{id}/elimination/propose", household).retrieve().toBodilessEntity();
        township.post().uri("/api/assistance/{id}/elimination/verify", household).retrieve().toBodilessEntity();
        county.post().uri("/api/assistance/{id}/elimination/approve", household).retrieve().toBodilessEntity();
    }

    private void readyAndVerified(String household) {
        readyForProposal(household);
        village.post().uri("/api/assistance/{id}/elimination/propose", household).retrieve().toBodilessEntity();
        township.post().uri("/api/assistance/{id}/elimination/verify", household).retrieve().toBodilessEntity();
    }

    private void readyForProposal(String household) {
        String measureId = village.post().uri("/api/assistance/{id}/measures", household).body(Map.of(
                        "measureType", "PUBLIC_WELFARE_JOB", "description", "嘎查护林员公益岗位",
                        "riskTypes", List.of("ILLNESS"), "department", "林草局", "responsiblePerson", "包银花",
                        "dueDate", TODAY.plusDays(30).toString()))
                .retrieve().body(JsonNode.class).get("measureId").asText();
        village.patch().uri("/api/assistance/{id}/measures/{m}", household, measureId)
                .body(Map.of("status", "IN_PROGRESS")).retrieve().toBodilessEntity();
        village.patch().uri("/api/assistance/{id}/measures/{m}", household, measureId)
                .body(Map.of("status", "COMPLETED", "outcome", "护林员岗位年收入1.2万元")).retrieve().toBodilessEntity();
        village.post().uri("/api/assistance/{id}/developmental-assistance/confirmation", household).retrieve()
                .toBodilessEntity();
        township.post().uri("/api/assistance/{id}/developmental-assistance/confirmation", household).retrieve()
                .toBodilessEntity();
    }

    private String identified(LabourCapacity labour) {
        return identified(labour, VILLAGE);
    }

    private String identified(LabourCapacity labour, String village) {
        return identified(labour, village, TODAY);
    }

    private String identified(LabourCapacity labour, String village, LocalDate decidedOn) {
        String household = UUID.randomUUID().toString();
        publish(Topics.IDENTIFICATION, new HouseholdIdentified(household, village, "lead-" + household,
                ObjectType.MARGINAL_VULNERABLE, List.of(RiskType.ILLNESS), labour, new BigDecimal("7200.00"),
                new BigDecimal("8300.00"), decidedOn));
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM assistance_case WHERE household_id = :id")
                .param("id", household).query(Long.class).single() == 1);
        return household;
    }

    private static String addMeasure(RestClient officer, String household, String type, LocalDate dueDate) {
        return officer.post().uri("/api/assistance/{id}/measures", household).body(Map.of(
                        "measureType", type, "description", "扶持发展产业或务工", "riskTypes", List.of("ILLNESS"),
                        "department", "农牧和科技局", "responsiblePerson", "乌云", "dueDate", dueDate.toString()))
                .retrieve().body(JsonNode.class).get("measureId").asText();
    }

    private static List<String> overdueMeasureIds(RestClient reader, String query) {
        return reader.get().uri("/api/assistance/overdue-measures" + query).retrieve().body(JsonNode.class)
                .get("measures").findValuesAsText("measureId");
    }

    private String waterMeasure(String household, LocalDate dueDate) {
        return village.post().uri("/api/assistance/{id}/measures", household).body(Map.of(
                        "measureType", "DRINKING_WATER", "description", "自来水入户改造", "riskTypes", List.of("ILLNESS"),
                        "department", "水利局", "responsiblePerson", "乌云", "dueDate", dueDate.toString()))
                .retrieve().body(JsonNode.class).get("measureId").asText();
    }

    private static List<String> fallingDue(RestClient reader, String query) {
        return reader.get().uri("/api/assistance/measures-falling-due" + query).retrieve().body(JsonNode.class)
                .get("measures").findValuesAsText("measureId");
    }

    private static List<String> awaiting(RestClient reader, String query) {
        return reader.get().uri("/api/assistance/warnings-awaiting-response" + query).retrieve()
                .body(JsonNode.class).get("warnings").findValuesAsText("warningId");
    }

    private static List<String> eliminationDue(RestClient reader) {
        return reader.get().uri("/api/assistance/elimination-due").retrieve().body(JsonNode.class)
                .get("households").findValuesAsText("householdId");
    }

    /** Monitoring's records of the latest months, income above the line and every guarantee secure. */
    private void stableIncome(String household, int months) {
        YearMonth now = YearMonth.from(TODAY);
        for (int i = months - 1; i >= 0; i--) {
            publish(Topics.MONITORING, new MonthlyMonitoringRecorded(household, VILLAGE, now.minusMonths(i),
                    new BigDecimal("9100.00"), List.of(), false));
        }
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM monthly_record WHERE household_id = :id")
                .param("id", household).query(Long.class).single() == months);
    }

    private void warningRaised(String household, String warningId, LocalDate raisedOn) {
        warningRaised(household, VILLAGE, warningId, raisedOn);
    }

    private void warningRaised(String household, String village, String warningId, LocalDate raisedOn) {
        publish(Topics.MONITORING, new WarningRaised(household, village, warningId, WarningLevel.II_YELLOW,
                "INCOME_BELOW_WARNING_LINE", new BigDecimal("7600.00"), new BigDecimal("8300.00"),
                "家庭人均纯收入低于监测收入标准", raisedOn));
    }

    private JsonNode warning(String household, String warningId) {
        JsonNode found = county.get().uri("/api/assistance/{id}", household).retrieve().body(JsonNode.class);
        for (JsonNode warning : found.get("warnings")) {
            if (warning.get("warningId").asText().equals(warningId)) {
                return warning;
            }
        }
        return null;
    }

    private void publish(String topic, PublishedEvent event) {
        kafka.send(topic, event.subject(), Envelopes.encode(Envelopes.of(event, MONITORING, "corr-" + event.subject())))
                .join();
    }

    private List<EventEnvelope> publishedFor(String household, Predicate<EventEnvelope> wanted, int atLeast) {
        return await().atMost(PATIENCE).until(() -> broker.read(Topics.ASSISTANCE, 1).stream()
                        .map(r -> Envelopes.decode(r.value()))
                        .filter(e -> e.subject().equals(household) && wanted.test(e)).toList(),
                found -> found.size() >= atLeast);
    }

    private long eventsOfType(String household, String simpleName) {
        return jdbc.sql("""
                        SELECT count(*) FROM domainevententry
                        WHERE aggregateidentifier = :id AND payloadtype LIKE '%.' || :type""")
                .param("id", household).param("type", simpleName).query(Long.class).single();
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    record Reply(int status, JsonNode body) {
    }

    private Reply exchange(RestClient client, HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec request = client.method(method).uri(path);
        if (body != null) {
            request.body(body);
        }
        return request.exchange((req, response) -> new Reply(response.getStatusCode().value(),
                json.readTree(response.getBody())), false);
    }

    private RestClient client(String role, String region) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(role, region))
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }
}
