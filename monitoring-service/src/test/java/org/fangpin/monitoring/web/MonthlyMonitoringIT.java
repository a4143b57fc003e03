package org.fangpin.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM policy")
                .query(Long.class).single() == 1);
        return household;
    }

    private static Map<String, Object> month(String income, List<String> gaps) {
        return Map.of("month", THIS_MONTH.toString(), "perCapitaNetIncome", income, "guaranteeGaps", gaps,
                "contactMethod", "HOME_VISIT");
    }

    private List<EventEnvelope> published(String household, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ofHousehold(household).size() >= atLeast);
        return ofHousehold(household);
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
