package org.fangpin.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.assistance.MeasureAdded;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.envelope.SourceLink;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * A rebuild without downtime (ADR 0039): a new version is recorded beside the live one while readers keep reading
 * the live one, and replaces it at once when it has caught up. Readers reading all along get no error and never a
 * partial timeline; afterwards every household's chains verify and equal the old version's entry for entry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class TimelineRebuildIT {

    private static final String VILLAGE = "150724213205";
    private static final ActorRef CADRE = new ActorRef("u-101", "包银花", "VILLAGE_OFFICER", VILLAGE);
    private static final ActorRef SYSTEM = new ActorRef("system", "system", "SYSTEM", "");
    private static final int STORY_EVENTS = 8;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DevTokenIssuer tokens;
    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readersReadingThroughoutARebuildGetNoErrorAndNoPartialTimelineAndTheNewVersionEqualsTheOld() {
        List<String> households = IntStream.range(0, 30).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<EventEnvelope> events = new ArrayList<>();
        households.forEach(household -> events.addAll(story(household)));
        // enough events that the new version takes a while to catch up
        IntStream.range(0, 3_000).forEach(i -> events.add(registered(UUID.randomUUID().toString(), i)));
        send(events);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(entries() + " entries, " + statuses()
                + " statuses").isEqualTo(events.size() + " entries, " + (households.size() + 3_000) + " statuses"));
        List<String> entriesBefore = entrySnapshot();
        List<String> statusesBefore = statusSnapshot();
        List<JsonNode> timelinesBefore = households.stream().map(this::timeline).toList();

        AtomicBoolean reading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        ConcurrentHashMap<Integer, Boolean> versionsRead = new ConcurrentHashMap<>();
        CompletableFuture<?> readers = CompletableFuture.allOf(IntStream.range(0, 2).mapToObj(reader ->
                CompletableFuture.runAsync(() -> {
                    for (int i = reader; reading.get(); i++) {
                        int household = i % households.size();
                        versionsRead.put(liveVersion(), true);
                        try {
                            JsonNode read = timeline(households.get(household));
                            if (!read.get("entries").equals(timelinesBefore.get(household).get("entries"))) {
                                failures.add("partial or different timeline of " + households.get(household) + ": "
                                        + read.get("entries").size() + " entries");
                            }
                        } catch (RuntimeException failed) {
                            failures.add(failed.toString());
                        }
                        reads.incrementAndGet();
                    }
                })).toArray(CompletableFuture[]::new));

        JsonNode started = post("/api/admin/timeline/rebuild", "ADMIN", "00");
        assertThat(started.get("version").asInt()).isEqualTo(2);
        JsonNode again = exchangePost("/api/admin/timeline/rebuild");
        assertThat(again.get("code").asText()).isEqualTo("TIMELINE_REBUILD_IN_PROGRESS");
        // events keep arriving during the rebuild: the live version records them, and so does the new one
        List<EventEnvelope> during = IntStream.range(0, 10)
                .mapToObj(i -> registered(UUID.randomUUID().toString(), 5_000 + i)).toList();
        send(during);

        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql(
                "SELECT state FROM timeline_version WHERE version = 1").query(String.class).single()
                .equals("DROPPED"));
        // a last round of reads on the new version
        int readsAtSwitch = reads.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() > readsAtSwitch + households.size());
        reading.set(false);
        readers.join();

        assertThat(failures).isEmpty();
        assertThat(versionsRead.keySet()).as("reads went on during the rebuild and after the switch")
                .containsExactlyInAnyOrder(1, 2);
        assertThat(liveVersion()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'timeline_v1'").query(Long.class)
                .single()).as("the old version is dropped").isZero();

        await().atMost(Duration.ofSeconds(30)).until(() -> entries() == events.size() + during.size());
        List<String> entriesAfter = entrySnapshot();
        assertThat(entriesAfter).containsAll(entriesBefore).hasSize(entriesBefore.size() + during.size());
        assertThat(statusSnapshot()).containsAll(statusesBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM timeline_entry t WHERE hash <> timeline_entry_digest(t)")
                .query(Long.class).single()).isZero();
        for (String household : households) {
            JsonNode verification = get("/api/households/" + household + "/timeline/verify", "SUPERVISOR", "150724");
            assertThat(verification.get("intact").asBoolean()).as(household).isTrue();
            assertThat(verification.get("entries").asInt()).isEqualTo(STORY_EVENTS);
        }

        JsonNode actions = get("/api/admin/timeline/actions", "INSPECTOR", "00").get("actions");
        assertThat(actions.findValuesAsText("outcome")).startsWith("DONE", "TIMELINE_REBUILD_IN_PROGRESS",
                "ACCEPTED");
        assertThat(actions.get(0).get("actorRegion").asText()).isEqualTo("00");
        assertThat(actions.get(0).get("correlationId").asText()).isEqualTo(actions.get(2).get("correlationId").asText());
    }

    /** A household identified, whose monitoring and assistance started in the same millisecond. */
    private static List<EventEnvelope> story(String h) {
        String identified = "2024-03-15T11:00:00+08:00";
        return List.of(
                envelope(new HouseholdRegistered(h, VILLAGE, 3, "娜仁", idNumber(),
                        HouseholdCategory.POVERTY_ALLEVIATED, 4), CADRE, "2024-03-01T09:00:00+08:00", 0),
                envelope(new HouseholdVerified(h, VILLAGE, "lead-" + h, new BigDecimal("7600.00"),
                        LabourCapacity.PARTIAL, "包银花", true, LocalDate.of(2024, 3, 8)), CADRE,
                        "2024-03-08T15:00:00+08:00", 1),
                envelope(new HouseholdIdentified(h, VILLAGE, "lead-" + h, ObjectType.MARGINAL_VULNERABLE,
                        List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, new BigDecimal("7600.00"),
                        new BigDecimal("8300.00"), LocalDate.of(2024, 3, 15)), CADRE, identified, 2),
                envelope(new MonitoringStarted(h, VILLAGE, ObjectType.MARGINAL_VULNERABLE, LocalDate.of(2024, 3, 15)),
                        SYSTEM, identified, 0),
                envelope(new AssistanceCaseOpened(h, VILLAGE, ObjectType.MARGINAL_VULNERABLE,
                        List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, LocalDate.of(2024, 3, 15)), SYSTEM,
                        identified, 0),
                envelope(new MonthlyMonitoringRecorded(h, VILLAGE, YearMonth.of(2024, 4), new BigDecimal("6900.00"),
                        List.of(), false), CADRE, "2024-04-10T16:00:00+08:00", 1),
                envelope(new MeasureAdded(h, VILLAGE, "m-" + h, MeasureType.MEDICAL_AID, "大病医疗救助",
                        List.of(RiskType.ILLNESS), "医保局", "其其格", LocalDate.of(2024, 6, 30),
                        LocalDate.of(2024, 4, 10)), CADRE, "2024-04-10T16:00:00+08:00", 1),
                envelope(new MonthlyMonitoringRecorded(h, VILLAGE, YearMonth.of(2024, 5), new BigDecimal("7100.00"),
                        List.of(), false), CADRE, "2024-05-10T16:00:00+08:00", 2));
    }

    private static EventEnvelope registered(String h, int i) {
        return envelope(new HouseholdRegistered(h, VILLAGE, 2, "户主" + i, idNumber(), HouseholdCategory.GENERAL, 3),
                CADRE, OffsetDateTime.parse("2024-02-01T09:00:00+08:00").plusMinutes(i).toString(), 0);
    }

    private static String idNumber() {
        return "15072419780312002" + IdNumber.checkCharacter("15072419780312002");
    }

    private static EventEnvelope envelope(PublishedEvent event, ActorRef actor, String at, long sequence) {
        EventEnvelope fresh = Envelopes.of(event, actor, UUID.randomUUID().toString());
        byte[] link = new byte[32];
        link[0] = (byte) sequence;
        link[1] = (byte) fresh.id().hashCode();
        return new EventEnvelope(fresh.id(), fresh.source(), fresh.type(), fresh.subject(),
                OffsetDateTime.parse(at), fresh.regionCode(), actor, fresh.correlationId(), event, null,
                new SourceLink(event.subject(), sequence, HexFormat.of().formatHex(link)));
    }

    private void send(List<EventEnvelope> envelopes) {
        CompletableFuture.allOf(envelopes.stream()
                .map(envelope -> TopicsRead.send(kafka, envelope.type(), envelope.subject(),
                        Envelopes.encode(envelope)))
                .toArray(CompletableFuture[]::new)).join();
    }

    private long entries() {
        return jdbc.sql("SELECT count(*) FROM timeline_entry").query(Long.class).single();
    }

    private long statuses() {
        return jdbc.sql("SELECT count(*) FROM household_status").query(Long.class).single();
    }

    private int liveVersion() {
        return jdbc.sql("SELECT version FROM timeline_version WHERE state = 'LIVE'").query(Integer.class).single();
    }

    /** Every stored entry as the chains hold it: all but its position and recording time, which are the version's. */
    private List<String> entrySnapshot() {
        return jdbc.sql("""
                        SELECT concat_ws('|', event_id, household_id, region_code, event_type, source, occurred_at,
                                         actor_id, actor_name, actor_role, actor_region, correlation_id, summary,
                                         data::text, kind, chain_index, encode(prev_hash, 'hex'), encode(hash, 'hex'),
                                         source_aggregate, source_sequence, encode(source_hash, 'hex'))
                        FROM timeline_entry ORDER BY event_id""")
                .query(String.class).list();
    }

    private List<String> statusSnapshot() {
        return jdbc.sql("""
                        SELECT concat_ws('|', household_id, region_code, status, object_type, warning_level, safety_net,
                                         open_overdue_items, last_occurred_at, record::text)
                        FROM household_status ORDER BY household_id""")
                .query(String.class).list();
    }

    private JsonNode timeline(String household) {
        return get("/api/households/" + household + "/timeline", "SUPERVISOR", "150724");
    }

    private JsonNode get(String path, String role, String region) {
        return RestClient.create("http://127.0.0.1:" + port).get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(role, region))
                .retrieve().body(JsonNode.class);
    }

    private JsonNode post(String path, String role, String region) {
        return RestClient.create("http://127.0.0.1:" + port).post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(role, region))
                .retrieve().body(JsonNode.class);
    }

    /** A second request while the first rebuild runs, answered whatever its status. */
    private JsonNode exchangePost(String path) {
        return RestClient.create("http://127.0.0.1:" + port).post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("ADMIN", "00"))
                .exchange((request, response) -> {
                    assertThat(response.getStatusCode().value()).isEqualTo(409);
                    return json.readTree(response.getBody());
                }, false);
    }
}
