package org.fangpin.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.platform.consuming.EventInbox;
import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * Dead letters are visible and replayable: an event a consumer's bug parked is listed (without its data) to a
 * national admin, and once the bug is fixed, replayed into that consumer, which applies it once — a second replay
 * changes nothing. Every request, a refused one too, is recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {PlatformTestApplication.class, DeadLetterReplayIT.PolicyProjection.class},
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false",
                "fangpin.delivery.retries=1", "fangpin.delivery.retry-interval=50ms"})
@WithRealInfrastructure
class DeadLetterReplayIT {

    static final String TOPIC = "fangpin.replay-test.v1";

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    PolicyProjection projection;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    /** A consumer with a bug that a release fixes: while {@code broken}, it fails on every event. */
    @TestConfiguration
    static class PolicyProjection {

        final AtomicBoolean broken = new AtomicBoolean(true);
        final AtomicInteger applied = new AtomicInteger();
        @Autowired
        EventInbox inbox;

        @KafkaListener(id = "ReadModel_ReplayTest", topics = TOPIC)
        void on(ConsumerRecord<String, byte[]> record) {
            inbox.receive("ReadModel_ReplayTest", record, envelope -> {
                if (broken.get()) {
                    throw new IllegalStateException("a bug in this consumer");
                }
                applied.incrementAndGet();
            });
        }
    }

    @Test
    void aParkedEventIsListedThenReplayedOnceIntoItsConsumerAfterTheFix() {
        EventEnvelope envelope = Envelopes.of(new PolicyChanged("150724", 2026, PolicyThresholds.of(
                new BigDecimal("8300.00"), new BigDecimal("5000.00"), new BigDecimal("10000.00"),
                new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 15, 6), "旗年度参数"), null, "c-1");
        kafka.send(TOPIC, envelope.subject(), Envelopes.encode(envelope));
        String nationalAdmin = tokens.token("ADMIN", "00");

        JsonNode parked = await().atMost(Duration.ofSeconds(60)).until(
                () -> get("/api/admin/platform-test/dead-letters", nationalAdmin), list -> list.size() == 1).get(0);
        assertThat(parked.get("eventId").asText()).isEqualTo(envelope.id());
        assertThat(parked.get("topic").asText()).isEqualTo(TOPIC);
        assertThat(parked.get("consumer").asText()).isEqualTo("platform-test.ReadModel_ReplayTest");
        assertThat(parked.get("failureMessage").asText()).contains("a bug in this consumer");
        assertThat(parked.toString()).doesNotContain("8300");

        assertThat(post("/api/admin/platform-test/dead-letters/replay", tokens.token("ADMIN", "150724")))
                .isEqualTo(403);
        projection.broken.set(false);
        assertThat(post("/api/admin/platform-test/dead-letters/replay", nationalAdmin)).isEqualTo(200);
        assertThat(projection.applied).hasValue(1);

        assertThat(get("/api/admin/platform-test/dead-letters", nationalAdmin)).isEmpty();
        assertThat(post("/api/admin/platform-test/dead-letters/replay", nationalAdmin)).isEqualTo(200);
        assertThat(projection.applied).hasValue(1);
        assertThat(jdbc.sql("SELECT action || ':' || outcome FROM admin_action ORDER BY id").query(String.class)
                .list()).contains("DEAD_LETTER_REPLAY:NATIONAL_ADMIN_REQUIRED", "DEAD_LETTER_REPLAY:ACCEPTED",
                "DEAD_LETTER_REPLAY:DONE");
    }

    private List<JsonNode> get(String path, String token) {
        JsonNode body = RestClient.create("http://127.0.0.1:" + port).get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(JsonNode.class);
        return body == null ? List.of() : json.convertValue(body, json.getTypeFactory()
                .constructCollectionType(List.class, JsonNode.class));
    }

    private int post(String path, String token) {
        return RestClient.create("http://127.0.0.1:" + port).post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange((request, response) -> response.getStatusCode().value(), false);
    }
}
