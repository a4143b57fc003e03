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
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
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
class MonitoringClosureIT {

    private static final String VILLAGE = "150724213201";
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
    private Api county;

    @BeforeEach
    void policyAndCounty() {
        given = new Given(kafka);
        given.policy2024();
        county = Api.as(tokens, port, "COUNTY_APPROVER", "150724");
    }

    @Test
    void theCountyClosesAStableHouseholdAndItsMonitoringEnds() {
        String household = inLookBack();

        Reply closed = county.post("/api/monitoring/{id}/closure", STABLE, household);

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().get("reason").asText()).isEqualTo("STABLE_AFTER_LOOK_BACK");
        Reply view = county.get("/api/monitoring/{id}", household);
        assertThat(view.body().get("closureReason").asText()).isEqualTo("STABLE_AFTER_LOOK_BACK");
        assertThat(view.body().get("closedOn").asText()).isEqualTo(closed.body().get("closedOn").asText());

        Reply record = Api.as(tokens, port, "VILLAGE_OFFICER", VILLAGE).post("/api/monitoring/{id}/records",
                Map.of("month", THIS_MONTH.toString(), "perCapitaNetIncome", "9600.00", "contactMethod",
                        "HOME_VISIT"), household);
        assertThat(record.status()).isEqualTo(409);
        assertThat(record.code()).isEqualTo("MONITORING_CLOSED");
        assertThat(county.post("/api/monitoring/{id}/closure", STABLE, household).status()).isEqualTo(409);

        missedCheck.flag(THIS_MONTH.plusMonths(1).atDay(1));
        assertThat(jdbc.sql("SELECT count(*) FROM missed_monitoring WHERE household_id = :id")
                .param("id", household).query(Long.class).single()).isZero();

        await().atMost(Duration.ofSeconds(30)).until(() -> closedOnKafka(household) != null);
        MonitoringClosed published = closedOnKafka(household);
        assertThat(published.reason()).isEqualTo(ClosureReason.STABLE_AFTER_LOOK_BACK);
        assertThat(published.judgement()).isEqualTo(STABLE.get("judgement"));
    }

    @Test
    void onlyTheCountyClosesAndOnlyForAReasonTheRulesAccept() {
        String household = monitored();
        long before = storedEvents();

        Reply village = Api.as(tokens, port, "VILLAGE_OFFICER", VILLAGE)
                .post("/api/monitoring/{id}/closure", STABLE, household);
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

    private String monitored() {
        String household = UUID.randomUUID().toString();
        given.identified(household, VILLAGE, ObjectType.MARGINAL_VULNERABLE);
        await().atMost(Duration.ofSeconds(30)).until(() -> county.get("/api/monitoring/{id}", household).status()
                == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM policy")
                .query(Long.class).single() > 0);
        return household;
    }

    private String inLookBack() {
        String household = monitored();
        given.send(Topics.ASSISTANCE, new RiskEliminated(household, VILLAGE, List.of(RiskType.ILLNESS),
                LocalDate.now(), null));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                county.get("/api/monitoring/{id}", household).body().get("lookBack").asBoolean());
        return household;
    }

    private MonitoringClosed closedOnKafka(String household) {
        return broker.read(Topics.MONITORING, 1).stream().map(r -> Envelopes.decode(r.value()))
                .filter(e -> e.subject().equals(household) && e.data() instanceof MonitoringClosed)
                .map(e -> (MonitoringClosed) e.data())
                .findFirst().orElse(null);
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }
}
