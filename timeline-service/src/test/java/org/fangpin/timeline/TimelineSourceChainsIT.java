package org.fangpin.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.envelope.SourceLink;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.platform.evidence.ChainDigests;
import org.fangpin.platform.evidence.ChainDigests.Body;
import org.fangpin.platform.evidence.ChainDigests.Head;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * A household's verification compares the timeline's chains with the source service's own chain of the household and
 * says which side was altered. The source service is played here by a small HTTP server answering its evidence
 * endpoint as identification-service would ({@code EvidenceIT} there checks the real one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fangpin.evidence.digest-key=" + TimelineSourceChainsIT.KEY)
@WithRealInfrastructure
class TimelineSourceChainsIT {

    static final String KEY = "a-32-byte-evidence-key-for-tests";

    private static final String VILLAGE = "150724213205";
    private static final ActorRef CADRE = new ActorRef("u-101", "包银花", "VILLAGE_OFFICER", VILLAGE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpServer SOURCE = source();
    /** What the source answers next: status and body. */
    private static final AtomicReference<Answer> ANSWER = new AtomicReference<>();
    private static final AtomicReference<String> ASKED_WITH = new AtomicReference<>();

    record Answer(int status, JsonNode body) {
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DevTokenIssuer tokens;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void sourceUrl(DynamicPropertyRegistry registry) {
        registry.add("fangpin.timeline.source-evidence-url",
                () -> "http://127.0.0.1:" + SOURCE.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        SOURCE.stop(0);
    }

    @Test
    void theVerificationSaysWhichSideWasAltered() throws Exception {
        String household = UUID.randomUUID().toString();
        List<EventEnvelope> published = List.of(
                send(new HouseholdRegistered(household, VILLAGE, 3, "娜仁",
                        "15072419780312002" + IdNumber.checkCharacter("15072419780312002"),
                        HouseholdCategory.POVERTY_ALLEVIATED, 4), 0),
                send(new HouseholdVerified(household, VILLAGE, "lead-1", new BigDecimal("4800.00"),
                        LabourCapacity.PARTIAL, "包银花", true, LocalDate.of(2024, 3, 8)), 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM timeline_entry WHERE household_id = :id").param("id", household)
                .query(Long.class).single() == 2);
        String inspector = tokens.token("INSPECTOR", "00");

        ANSWER.set(new Answer(200, sourceChain(household, true, published, null)));
        JsonNode agree = verify(household, inspector);
        assertThat(agree.get("intact").asBoolean()).isTrue();
        assertThat(verdict(agree)).isEqualTo("AGREE");
        assertThat(ASKED_WITH.get()).isEqualTo("Bearer " + inspector);

        ANSWER.set(new Answer(200, sourceChain(household, false, published, null)));
        JsonNode sourceAltered = verify(household, inspector);
        assertThat(verdict(sourceAltered)).isEqualTo("SOURCE_ALTERED");
        assertThat(sourceAltered.get("sources").get(0).get("eventId").asText()).isEqualTo(published.get(1).id());

        ANSWER.set(new Answer(200, sourceChain(household, true, published, "ab".repeat(32))));
        JsonNode rewritten = verify(household, inspector);
        assertThat(verdict(rewritten)).isEqualTo("CHAINS_DIFFER");
        assertThat(rewritten.get("sources").get(0).get("eventId").asText()).isEqualTo(published.get(1).id());
        assertThat(rewritten.get("sources").get(0).get("sourceSequence").asLong()).isEqualTo(2);

        ANSWER.set(new Answer(200, sourceChain(household, true, published, null)));
        jdbc.sql("UPDATE timeline_entry SET summary = '入户核实：人均纯收入 9800.00 元' WHERE event_id = :id")
                .param("id", published.get(1).id()).update();
        JsonNode timelineAltered = verify(household, inspector);
        assertThat(timelineAltered.get("intact").asBoolean()).isFalse();
        assertThat(verdict(timelineAltered)).isEqualTo("TIMELINE_ALTERED");

        ANSWER.set(new Answer(403, JSON.createObjectNode().put("code", "NATIONAL_SCOPE_REQUIRED")));
        JsonNode unchecked = verify(household, tokens.token("INSPECTOR", "150724"));
        assertThat(verdict(unchecked)).isEqualTo("TIMELINE_ALTERED");
        jdbc.sql("DELETE FROM timeline_entry WHERE household_id = :id AND event_id = :id2")
                .param("id", household).param("id2", published.get(1).id()).update();
        assertThat(verdict(verify(household, tokens.token("INSPECTOR", "150724")))).isEqualTo("UNCHECKED");
    }

    @Test
    void theSignedDigestsTellWhichSideWasRewrittenWhenBothChainsVerify() throws Exception {
        String household = UUID.randomUUID().toString();
        List<EventEnvelope> published = List.of(
                send(new HouseholdRegistered(household, VILLAGE, 3, "其其格",
                        "15072419800101002" + IdNumber.checkCharacter("15072419800101002"),
                        HouseholdCategory.GENERAL, 3), 0),
                send(new HouseholdVerified(household, VILLAGE, "lead-2", new BigDecimal("4800.00"),
                        LabourCapacity.FULL, "包银花", true, LocalDate.of(2024, 3, 8)), 2));
        Body digest = new Body("identification", Instant.parse("2024-03-08T08:00:00Z"), 0, 100, 1, 1,
                List.of(new Head(household, 2, published.get(1).link().hash())));
        Body planted = new Body("identification", Instant.parse("2024-03-08T09:00:00Z"), 100, 200, 1, 1,
                List.of(new Head(household, 0, "ef".repeat(32))));
        kafka.send(ChainDigests.TOPIC, "identification", JSON.writeValueAsBytes(
                ChainDigests.sign(planted, "another-key-of-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8))))
                .join();
        kafka.send(ChainDigests.TOPIC, "identification", JSON.writeValueAsBytes(
                ChainDigests.sign(digest, KEY.getBytes(StandardCharsets.UTF_8)))).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM timeline_entry WHERE household_id = :id").param("id", household)
                .query(Long.class).single() == 2 && jdbc.sql(
                "SELECT count(*) FROM chain_head_digest WHERE aggregate_id = :id").param("id", household)
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT sequence FROM chain_head_digest WHERE aggregate_id = :id")
                .param("id", household).query(Long.class).single()).as("the planted head is refused").isEqualTo(2);
        String inspector = tokens.token("INSPECTOR", "00");

        ANSWER.set(new Answer(200, sourceChain(household, true, published, "ab".repeat(32))));
        JsonNode sourceRewritten = verify(household, inspector);
        assertThat(verdict(sourceRewritten)).isEqualTo("SOURCE_REWRITTEN");
        assertThat(sourceRewritten.get("sources").get(0).get("sourceSequence").asLong()).isEqualTo(2);

        ANSWER.set(new Answer(200, sourceChain(household, true, published, null)));
        assertThat(verdict(verify(household, inspector))).isEqualTo("AGREE");
        jdbc.sql("UPDATE timeline_entry SET source_hash = decode(:hash, 'hex') WHERE event_id = :id")
                .param("hash", "cd".repeat(32)).param("id", published.get(1).id()).update();
        jdbc.sql("UPDATE timeline_entry t SET hash = timeline_entry_digest(t) WHERE event_id = :id")
                .param("id", published.get(1).id()).update();
        JsonNode timelineRewritten = verify(household, inspector);
        assertThat(timelineRewritten.get("intact").asBoolean()).as("the rewritten copy verifies").isTrue();
        assertThat(verdict(timelineRewritten)).isEqualTo("TIMELINE_REWRITTEN");
        assertThat(timelineRewritten.get("sources").get(0).get("eventId").asText()).isEqualTo(published.get(1).id());
    }

    private EventEnvelope send(PublishedEvent event, long sequence) {
        EventEnvelope fresh = Envelopes.of(event, CADRE, UUID.randomUUID().toString());
        byte[] link = new byte[32];
        link[0] = (byte) (sequence + 1);
        EventEnvelope envelope = new EventEnvelope(fresh.id(), fresh.source(), fresh.type(), fresh.subject(),
                OffsetDateTime.parse("2024-03-08T15:00:00+08:00").plusMinutes(sequence), fresh.regionCode(), CADRE,
                fresh.correlationId(), event, null,
                new SourceLink(event.subject(), sequence, HexFormat.of().formatHex(link)));
        kafka.send(Topics.IDENTIFICATION_PERSONAL, event.subject(), Envelopes.encode(envelope)).join();
        return envelope;
    }

    /** The source's chain as its evidence endpoint gives it: its own events between those it published too. */
    private static JsonNode sourceChain(String household, boolean intact, List<EventEnvelope> published,
                                        String rewrittenHash) {
        ObjectNode chain = JSON.createObjectNode().put("intact", intact).put("aggregateId", household);
        ArrayNode links = chain.putArray("links");
        links.addObject().put("sequenceNumber", 0).put("eventId", published.get(0).id())
                .put("hash", published.get(0).link().hash()).put("intact", true);
        links.addObject().put("sequenceNumber", 1).put("eventId", "internal-1").put("hash", "00".repeat(32))
                .put("intact", true);
        links.addObject().put("sequenceNumber", 2).put("eventId", published.get(1).id())
                .put("hash", rewrittenHash != null ? rewrittenHash : published.get(1).link().hash())
                .put("intact", intact);
        if (!intact) {
            chain.putObject("firstBroken").put("aggregateId", household).put("sequenceNumber", 2)
                    .put("eventId", published.get(1).id()).put("fault", "ALTERED");
        }
        return chain;
    }

    private static String verdict(JsonNode verification) {
        return verification.get("sources").get(0).get("verdict").asText();
    }

    private JsonNode verify(String household, String token) {
        return RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/households/{id}/timeline/verify", household)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(JsonNode.class);
    }

    private static HttpServer source() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/admin/identification/evidence/verify", exchange -> {
                ASKED_WITH.set(exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION));
                Answer answer = ANSWER.get();
                byte[] body = JSON.writeValueAsBytes(answer.body());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
