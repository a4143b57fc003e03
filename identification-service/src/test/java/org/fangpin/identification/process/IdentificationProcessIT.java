package org.fangpin.identification.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fangpin.identification.Procedure.VILLAGE;
import static org.fangpin.identification.Procedure.expect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.Topics;
import org.fangpin.contracts.assistance.NewRiskReported;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.identification.HouseholdReidentified;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.monitoring.DepartmentLeadRaised;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.identification.MovableClock;
import org.fangpin.identification.Procedure;
import org.fangpin.identification.Published;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.WithRealInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@Import(MovableClock.Configuration.class)
class IdentificationProcessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ActorRef MONITORING = new ActorRef("system:monitoring-service", "monitoring-service",
            "SYSTEM", "");
    private static final ActorRef ASSISTANCE = new ActorRef("system:assistance-service", "assistance-service",
            "SYSTEM", "");

    @LocalServerPort
    int port;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    KafkaBroker kafka;
    @Autowired
    KafkaTemplate<String, byte[]> producer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    private Procedure procedure;

    @BeforeEach
    void setUp() {
        procedure = new Procedure(port, tokens);
    }

    /**
     * Seeds piece 7 and seed 001: the medical insurance data show a self-pay above the warning line; the household
     * is verified, evaluated, reviewed and identified as 突发严重困难户 因病, every step with its actor.
     */
    @Test
    void aMedicalSelfPayAboveTheWarningLineReportedByMedicalInsuranceEndsInSuddenHardshipByIllness() {
        String household = procedure.register("孟和", "15072419660218011");
        byte[] screening = envelope(new DepartmentLeadRaised(household, VILLAGE, "batch-2024-06-yb",
                "MEDICAL_INSURANCE", "MEDICAL_SELF_PAID", new BigDecimal("32000.00"), new BigDecimal("5000.00"),
                LocalDate.now(clock)), MONITORING);

        producer.send(Topics.MONITORING, household, screening);
        producer.send(Topics.MONITORING, household, screening);
        String lead = await().atMost(Duration.ofSeconds(30)).until(() -> openLead(household), Optional::isPresent)
                .orElseThrow();
        procedure.verify(lead, "9100.00", "32000.00");
        procedure.evaluate(lead);
        clock.advance(Duration.ofDays(5));
        expect(procedure.townshipReview(lead, "APPROVE", "经乡镇复核，因病支出骤增属实"), 200);
        JsonNode screen = procedure.lead(lead).body();
        expect(procedure.identify(lead, "SUDDEN_HARDSHIP", "ILLNESS"), 200);

        assertThat(screen.get("lead").get("channel").asText()).isEqualTo("DEPARTMENT_SCREENING");
        assertThat(screen.get("lead").get("description").asText()).contains("MEDICAL_SELF_PAID", "32000.00");
        assertThat(screen.get("evidence").get("findings").findValuesAsText("met"))
                .containsExactly("false", "true", "true");
        List<EventEnvelope> published = Published.about(kafka, Topics.IDENTIFICATION, household, 7);
        assertThat(published).extracting(EventEnvelope::type).containsExactly(
                "fangpin.identification.HouseholdRegistered.v1", "fangpin.identification.MemberAdded.v1",
                "fangpin.identification.LeadReported.v1", "fangpin.identification.HouseholdVerified.v1",
                "fangpin.identification.VillageEvaluationRecorded.v1", "fangpin.identification.TownshipApproved.v1",
                "fangpin.identification.HouseholdIdentified.v1");
        assertThat(published).extracting(envelope -> envelope.actor().role()).containsExactly("VILLAGE_OFFICER",
                "VILLAGE_OFFICER", "SYSTEM", "VILLAGE_OFFICER", "VILLAGE_OFFICER", "TOWNSHIP_REVIEWER",
                "COUNTY_APPROVER");
        assertThat(((LeadReported) published.get(2).data()).channel()).isEqualTo(LeadChannel.DEPARTMENT_SCREENING);
        assertThat(published.get(2).correlationId()).isEqualTo("corr-" + household);
    }

    /**
     * A status hit carries no amount: 民政 reports a household newly granted 低保, 住建 an unsafe house in a payload
     * of the shape monitoring published before leads had a reason. Each opens a lead with what the department found.
     */
    @Test
    void everyDepartmentHitOpensALeadStatusesAndPayloadsWithoutAReasonIncluded() {
        String allowance = procedure.register("乌日娜", "15072419700101051");
        String unsafeHouse = procedure.register("呼和", "15072419650303062");
        LocalDate today = LocalDate.now(clock);

        producer.send(Topics.MONITORING, allowance, envelope(new DepartmentLeadRaised(allowance, VILLAGE,
                "batch-2024-06-mz", "CIVIL_AFFAIRS", "MINIMUM_LIVING_ALLOWANCE", null, null, today,
                "民政数据：纳入农村低保"), MONITORING));
        producer.send(Topics.MONITORING, unsafeHouse, withoutReason(envelope(new DepartmentLeadRaised(unsafeHouse,
                VILLAGE, "batch-2024-06-zj", "HOUSING", "UNSAFE_HOUSE", null, null, today), MONITORING)));
        String allowanceLead = await().atMost(Duration.ofSeconds(30))
                .until(() -> openLead(allowance), Optional::isPresent).orElseThrow();
        String houseLead = await().atMost(Duration.ofSeconds(30))
                .until(() -> openLead(unsafeHouse), Optional::isPresent).orElseThrow();

        JsonNode first = procedure.lead(allowanceLead).body().get("lead");
        JsonNode second = procedure.lead(houseLead).body().get("lead");
        assertThat(first.get("channel").asText()).isEqualTo("DEPARTMENT_SCREENING");
        assertThat(first.get("description").asText()).isEqualTo("行业部门筛查预警：民政数据：纳入农村低保（批次 batch-2024-06-mz）");
        assertThat(second.get("channel").asText()).isEqualTo("DEPARTMENT_SCREENING");
        assertThat(second.get("description").asText()).isEqualTo("行业部门筛查预警：住建局 UNSAFE_HOUSE（批次 batch-2024-06-zj）");
    }

    @Test
    void aNewRiskAfterEliminationOpensAReidentificationThatEndsInHouseholdReidentified() {
        String household = procedure.register("斯琴", "15072419790527024");
        String first = procedure.reportLead(household, "CADRE_VISIT");
        procedure.verify(first, "6800.00", "0.00");
        procedure.evaluate(first);
        clock.advance(Duration.ofDays(5));
        expect(procedure.townshipReview(first, "APPROVE", "情况属实"), 200);
        expect(procedure.identify(first, "MARGINAL_VULNERABLE", "UNSTABLE_EMPLOYMENT"), 200);

        producer.send(Topics.ASSISTANCE, household, envelope(new RiskEliminated(household, VILLAGE,
                List.of(RiskType.UNSTABLE_EMPLOYMENT), LocalDate.now(clock), null), ASSISTANCE));
        producer.send(Topics.ASSISTANCE, household, envelope(new NewRiskReported(household, VILLAGE,
                List.of(RiskType.EDUCATION), "回头看发现：子女考入大学，学费支出超过预警线", LocalDate.now(clock)), ASSISTANCE));
        String second = await().atMost(Duration.ofSeconds(30)).until(() -> openLead(household), Optional::isPresent)
                .orElseThrow();
        procedure.verify(second, "7900.00", "0.00");
        procedure.evaluate(second);
        clock.advance(Duration.ofDays(5));
        expect(procedure.townshipReview(second, "APPROVE", "新增因学风险属实"), 200);
        expect(procedure.identify(second, "UNSTABLE_ALLEVIATED", "EDUCATION"), 200);

        List<EventEnvelope> published = Published.about(kafka, Topics.IDENTIFICATION, household, 12);
        assertThat(published.subList(7, 12)).extracting(EventEnvelope::type).containsExactly(
                "fangpin.identification.ReidentificationOpened.v1", "fangpin.identification.HouseholdVerified.v1",
                "fangpin.identification.VillageEvaluationRecorded.v1", "fangpin.identification.TownshipApproved.v1",
                "fangpin.identification.HouseholdReidentified.v1");
        HouseholdReidentified reidentified = (HouseholdReidentified) published.get(11).data();
        assertThat(reidentified.objectType()).isEqualTo(ObjectType.UNSTABLE_ALLEVIATED);
        assertThat(reidentified.riskTypes()).containsExactly(RiskType.EDUCATION);
        assertThat(procedure.county(HttpMethod.GET, "/api/households/{id}", null, household)
                .body().get("riskEliminated").asBoolean()).isFalse();
    }

    private Optional<String> openLead(String household) {
        return jdbc.sql("SELECT open_lead_id FROM household_view WHERE household_id = :id AND open_lead_id IS NOT NULL")
                .param("id", household).query(String.class).optional();
    }

    /** The envelope as published before its event had a {@code reason}: the data without that field. */
    private static byte[] withoutReason(byte[] envelope) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(envelope);
            ((ObjectNode) json.get("data")).remove("reason");
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] envelope(PublishedEvent event, ActorRef actor) {
        return Envelopes.encode(Envelopes.of(event, actor, "corr-" + event.subject()));
    }
}
