package org.fangpin.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.Topics;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.WithRealInfrastructure;
import org.fangpin.timeline.process.TimelineRecorders;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class TimelineRecorderIT {

    private static final String VILLAGE = "150724213203";
    private static final ActorRef VILLAGE_OFFICER = new ActorRef("u-7", "包银花", "VILLAGE_OFFICER", VILLAGE);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    TimelineRecorders recorders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DevTokenIssuer tokens;
    @LocalServerPort
    int port;

    @Test
    void aConsumerStoppedMidStreamCatchesUpOnRestartAndAReplayChangesNothing() {
        List<EventEnvelope> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(send(registered(UUID.randomUUID().toString())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> entries() == 20);

        recorders.live().container().stop();
        for (int i = 0; i < 20; i++) {
            sent.add(send(registered(UUID.randomUUID().toString())));
        }
        recorders.live().container().start();
        await().atMost(Duration.ofSeconds(30)).until(() -> entries() == 40);

        sent.forEach(envelope -> kafka.send(Topics.IDENTIFICATION_PERSONAL, envelope.subject(),
                Envelopes.encode(envelope)));
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicatesSkipped() == 40);
        assertThat(entries()).isEqualTo(40);
        assertThat(jdbc.sql("SELECT count(DISTINCT event_id) FROM timeline_entry").query(Long.class).single())
                .isEqualTo(40);
        assertThat(jdbc.sql("SELECT DISTINCT chain_index FROM timeline_entry").query(Integer.class).list())
                .as("a skipped redelivery takes no place in its household's chain").containsExactly(1);
    }

    @Test
    void aHouseholdsTimelineListsTheEventsOfEveryServiceInOrderWithActorAndSummary() {
        String household = UUID.randomUUID().toString();
        send(registered(household));
        send(new MonitoringStarted(household, VILLAGE, ObjectType.SUDDEN_HARDSHIP, LocalDate.of(2024, 7, 2)));
        send(new AssistanceCaseOpened(household, VILLAGE, ObjectType.SUDDEN_HARDSHIP, List.of(RiskType.DISASTER),
                LabourCapacity.FULL, LocalDate.of(2024, 7, 2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesOf(household) == 3);

        JsonNode timeline = RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/households/{id}/timeline", household)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("SUPERVISOR", "150724"))
                .retrieve().body(JsonNode.class);

        assertThat(timeline.get("entries").findValuesAsText("type")).containsExactly(
                "fangpin.identification.HouseholdRegistered.v1", "fangpin.monitoring.MonitoringStarted.v1",
                "fangpin.assistance.AssistanceCaseOpened.v1");
        JsonNode first = timeline.get("entries").get(0);
        assertThat(first.get("summary").asText()).isEqualTo("户登记：户主乌日娜，家庭人口3人，一般农户");
        assertThat(first.get("actor").get("name").asText()).isEqualTo("包银花");
        assertThat(first.get("actor").get("role").asText()).isEqualTo("VILLAGE_OFFICER");
        assertThat(first.get("occurredAt").asText()).endsWith("+08:00");
    }

    @Test
    void aUserOutsideTheHouseholdsRegionIsRefused() {
        String household = UUID.randomUUID().toString();
        send(registered(household));
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesOf(household) == 1);

        int status = RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/households/{id}/timeline", household)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("SUPERVISOR", "150702"))
                .exchange((request, response) -> response.getStatusCode().value(), false);

        assertThat(status).isEqualTo(403);
    }

    @Test
    void aTimelineReadAgainAfterANewEventShowsTheNewEntry() {
        String household = UUID.randomUUID().toString();
        send(registered(household));
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesOf(household) == 1);
        JsonNode before = timeline(household, "SUPERVISOR", "150724");
        assertThat(timeline(household, "INSPECTOR", "150724")).isEqualTo(before);
        assertThat(before.get("status").get("status").get("code").asText()).isEqualTo("NOT_MONITORED");

        send(new LeadReported(household, VILLAGE, "lead-" + household, LeadChannel.SELF_REPORT, "户主患病住院",
                LocalDate.of(2024, 7, 2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesOf(household) == 2);

        JsonNode after = timeline(household, "SUPERVISOR", "150724");
        assertThat(after.get("entries").findValuesAsText("type")).containsExactly(
                "fangpin.identification.HouseholdRegistered.v1", "fangpin.identification.LeadReported.v1");
        assertThat(after.get("status").get("status").get("code").asText()).isEqualTo("UNDER_IDENTIFICATION");
    }

    @Test
    void aTimelineAlreadyReadInsideTheRegionIsStillRefusedOutsideIt() {
        String household = UUID.randomUUID().toString();
        send(registered(household));
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesOf(household) == 1);
        assertThat(timeline(household, "SUPERVISOR", "150724").get("entries")).hasSize(1);

        assertThat(timelineStatus(household, "SUPERVISOR", "150702")).isEqualTo(403);
        assertThat(timelineStatus(household, "VILLAGE_OFFICER", "150724213299")).isEqualTo(403);
        assertThat(timelineStatus(household, "DEPARTMENT_OFFICER", "150724")).isEqualTo(403);
    }

    @Test
    void eachEntryKeepsWhenItWasRecordedAndTheDelayFromItsEventIsMeasured() {
        String household = UUID.randomUUID().toString();
        EventEnvelope fresh = Envelopes.of(registered(household), VILLAGE_OFFICER, UUID.randomUUID().toString());
        OffsetDateTime occurred = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);
        long measuredBefore = lagCount();
        kafka.send(Topics.IDENTIFICATION_PERSONAL, household, Envelopes.encode(new EventEnvelope(fresh.id(),
                fresh.source(), fresh.type(), fresh.subject(), occurred, fresh.regionCode(), fresh.actor(),
                fresh.correlationId(), fresh.data(), null))).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesOf(household) == 1);

        double delay = jdbc.sql("""
                        SELECT extract(EPOCH FROM recorded_at - occurred_at) FROM timeline_entry
                        WHERE household_id = :id""")
                .param("id", household).query(Double.class).single();
        assertThat(delay).isBetween(5.0, 35.0);
        await().atMost(Duration.ofSeconds(5)).until(() -> lagCount() > measuredBefore);
        assertThat(meters.get("fangpin.timeline.lag").timer().max(TimeUnit.SECONDS)).isGreaterThanOrEqualTo(5.0);
    }

    private JsonNode timeline(String household, String role, String region) {
        return RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/households/{id}/timeline", household)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(role, region))
                .retrieve().body(JsonNode.class);
    }

    private int timelineStatus(String household, String role, String region) {
        return RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/households/{id}/timeline", household)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(role, region))
                .exchange((request, response) -> response.getStatusCode().value(), false);
    }

    private long lagCount() {
        return meters.get("fangpin.timeline.lag").timer().count();
    }

    private HouseholdRegistered registered(String household) {
        return new HouseholdRegistered(household, VILLAGE, 2, "乌日娜", "150724198507150025", HouseholdCategory.GENERAL,
                3);
    }

    private EventEnvelope send(HouseholdEvent event) {
        EventEnvelope envelope = Envelopes.of(event, VILLAGE_OFFICER, UUID.randomUUID().toString());
        String topic = event instanceof MonitoringStarted ? Topics.MONITORING
                : event instanceof AssistanceCaseOpened ? Topics.ASSISTANCE : Topics.IDENTIFICATION_PERSONAL;
        kafka.send(topic, event.householdId(), Envelopes.encode(envelope)).join();
        return envelope;
    }

    private long entries() {
        return jdbc.sql("SELECT count(*) FROM timeline_entry").query(Long.class).single();
    }

    private long entriesOf(String household) {
        return jdbc.sql("SELECT count(*) FROM timeline_entry WHERE household_id = :id")
                .param("id", household).query(Long.class).single();
    }

    private double duplicatesSkipped() {
        var counter = meters.find("fangpin.events.consumed").tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }
}
