package org.fangpin.platform.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import org.fangpin.platform.evidence.EventStoreChain.BrokenEvent;
import org.fangpin.platform.evidence.EventStoreChain.Fault;
import org.fangpin.platform.evidence.EventStoreChain.Verification;
import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * The event store is hash-chained at append, per aggregate, and its verification names the first event an insider
 * changed or removed with SQL, from the HTTP endpoint and from the command line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PlatformTestApplication.class,
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false"})
@WithRealInfrastructure
class EventStoreChainIT {

    @Autowired
    EventStore events;
    @Autowired
    EventStoreChain chain;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DevTokenIssuer tokens;
    @LocalServerPort
    int port;

    private final List<String> households = new ArrayList<>();

    @Test
    void everyAppendedEventIsLinkedByTheDatabaseAsTheCanonicalFormSays() {
        String household = household("入户核实", "村级评议", "乡镇审核");

        List<byte[]> stored = jdbc.sql("SELECT chainhash FROM domainevententry WHERE aggregateidentifier = :id "
                        + "ORDER BY sequencenumber").param("id", household).query(byte[].class).list();
        assertThat(stored).hasSize(3).allSatisfy(hash -> assertThat(hash).hasSize(32));
        assertThat(chain.aggregate(household).links()).allSatisfy(link -> assertThat(link.intact()).isTrue());
        assertThat(chain.verifyAll(10).intact()).isTrue();
    }

    @Test
    void aVerifiedIncomeRaisedWithSqlIsNamedWithItsAggregateSequenceAndEventId() {
        household("登记");
        String household = household("线索", "入户核实：人均纯收入 4800.00 元", "村级评议");
        household("登记", "入户核实");
        String verified = eventId(household, 1);

        jdbc.sql("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                        + "'4800.00', '9800.00'), 'UTF8') WHERE eventidentifier = :id")
                .param("id", verified).update();

        Verification verification = chain.verifyAll(10);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.broken()).containsExactly(verification.firstBroken());
        BrokenEvent broken = verification.firstBroken();
        assertThat(broken.aggregateId()).isEqualTo(household);
        assertThat(broken.sequenceNumber()).isEqualTo(1);
        assertThat(broken.eventId()).isEqualTo(verified);
        assertThat(broken.fault()).isEqualTo(Fault.ALTERED);
    }

    @Test
    void anyStoredFieldChangedIsDetected() {
        for (String change : List.of("metadata = convert_to('{}', 'UTF8')", "timestamp = '2026-01-01T00:00:00Z'",
                "payloadtype = 'java.lang.Integer'", "type = 'AssistanceCase'", "payloadrevision = '2'")) {
            String household = household("登记", "入户核实");
            String original = jdbc.sql("SELECT encode(chainhash, 'hex') FROM domainevententry "
                    + "WHERE eventidentifier = :id").param("id", eventId(household, 1)).query(String.class).single();
            jdbc.sql("UPDATE domainevententry SET " + change + " WHERE eventidentifier = :id")
                    .param("id", eventId(household, 1)).update();

            assertThat(chain.aggregate(household).verification().firstBroken())
                    .as(change).extracting(BrokenEvent::sequenceNumber, BrokenEvent::fault)
                    .containsExactly(1L, Fault.ALTERED);
            assertThat(original).hasSize(64);
        }
    }

    @Test
    void anEventDeletedFromTheMiddleOfItsAggregateIsNamedAsMissing() {
        String household = household("登记", "入户核实", "村级评议", "乡镇审核");
        String after = eventId(household, 2);
        jdbc.sql("DELETE FROM domainevententry WHERE aggregateidentifier = :id AND sequencenumber = 1")
                .param("id", household).update();

        BrokenEvent broken = chain.aggregate(household).verification().firstBroken();
        assertThat(broken.sequenceNumber()).isEqualTo(1);
        assertThat(broken.fault()).isEqualTo(Fault.MISSING);
        assertThat(broken.eventId()).isEqualTo(after);
    }

    @Test
    void aLinkRewrittenToHideAChangeBreaksTheNextLink() {
        String household = household("登记", "入户核实", "村级评议");
        jdbc.sql("""
                UPDATE domainevententry e SET payload = convert_to('"篡改"', 'UTF8'),
                       chainhash = event_chain_link(p.chainhash, e.aggregateidentifier, e.sequencenumber, e.type,
                            e.eventidentifier, e.payloadtype, e.payloadrevision, convert_to('"篡改"', 'UTF8'),
                            e.metadata, e.timestamp)
                FROM domainevententry p
                WHERE e.aggregateidentifier = :id AND e.sequencenumber = 1
                  AND p.aggregateidentifier = e.aggregateidentifier AND p.sequencenumber = 0""")
                .param("id", household).update();

        assertThat(chain.aggregate(household).verification().firstBroken())
                .extracting(BrokenEvent::sequenceNumber, BrokenEvent::fault).containsExactly(2L, Fault.ALTERED);
    }

    @Test
    void anEventThatFollowsNoStoredEventIsRefused() {
        String household = UUID.randomUUID().toString();
        assertThatThrownBy(() -> append(household, 1, "入户核实")).hasStackTraceContaining("follows no stored event");
    }

    @Test
    void aNationalAdminOrInspectorVerifiesTheStoreOverHttpAndOthersAreRefusedAndRecorded() {
        String household = household("登记", "入户核实");
        String verified = eventId(household, 1);
        jdbc.sql("UPDATE domainevententry SET payload = convert_to('\"改过\"', 'UTF8') WHERE eventidentifier = :id")
                .param("id", verified).update();

        JsonNode verification = get("/api/admin/platform-test/evidence/verify", tokens.token("INSPECTOR", "00"));
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("broken").findValuesAsText("eventId")).contains(verified);

        JsonNode one = get("/api/admin/platform-test/evidence/verify?aggregate=" + household,
                tokens.token("ADMIN", "00"));
        assertThat(one.get("firstBroken").get("eventId").asText()).isEqualTo(verified);
        assertThat(one.get("firstBroken").get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(one.get("links").findValuesAsText("intact")).containsExactly("true", "false");

        assertThat(status("/api/admin/platform-test/evidence/verify", tokens.token("INSPECTOR", "150724")))
                .isEqualTo(403);
        assertThat(status("/api/admin/platform-test/evidence/verify", tokens.token("SUPERVISOR", "00")))
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT action || ':' || outcome FROM admin_action ORDER BY id").query(String.class)
                .list()).contains("EVIDENCE_VERIFY:ACCEPTED", "EVIDENCE_VERIFY:DONE",
                "EVIDENCE_VERIFY:NATIONAL_SCOPE_REQUIRED");
    }

    @Test
    void theCommandLineRunPrintsTheFirstBrokenEventAndExitsWithStatusThree() {
        String household = household("登记", "入户核实");
        String verified = eventId(household, 1);
        AtomicInteger exitStatus = new AtomicInteger(-1);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        EvidenceCommandLine commandLine = new EvidenceCommandLine(chain,
                new PrintStream(printed, true, StandardCharsets.UTF_8), exitStatus::set);

        commandLine.run(new DefaultApplicationArguments());
        assertThat(exitStatus).hasValue(-1);

        jdbc.sql("UPDATE domainevententry SET payload = convert_to('\"改过\"', 'UTF8') WHERE eventidentifier = :id")
                .param("id", verified).update();
        commandLine.run(new DefaultApplicationArguments("--verify-evidence"));

        assertThat(exitStatus).hasValue(EvidenceCommandLine.BROKEN);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("BROKEN", "first broken event: aggregate " + household + " sequence 1 event " + verified);
    }

    /** Appends the household's events as its aggregate would, one unit of work each. */
    private String household(String... steps) {
        String household = UUID.randomUUID().toString();
        households.add(household);
        for (int sequence = 0; sequence < steps.length; sequence++) {
            append(household, sequence, steps[sequence]);
        }
        return household;
    }

    private void append(String household, long sequence, String step) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> events.publish(new GenericDomainEventMessage<>(
                "IdentifiedHousehold", household, sequence, step, Map.of("actor", "cadre-001"))));
    }

    private String eventId(String household, long sequence) {
        return jdbc.sql("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = :id "
                        + "AND sequencenumber = :sequence")
                .param("id", household).param("sequence", sequence).query(String.class).single();
    }

    /** The households of a test are removed after it, so that each test sees a store broken by itself alone. */
    @AfterEach
    void forgetHouseholds() {
        if (households.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM domainevententry WHERE aggregateidentifier IN (:ids)").param("ids", households)
                .update();
        households.clear();
    }

    private JsonNode get(String path, String token) {
        return RestClient.create("http://127.0.0.1:" + port).get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(JsonNode.class);
    }

    private int status(String path, String token) {
        return RestClient.create("http://127.0.0.1:" + port).get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange((request, response) -> response.getStatusCode().value(), false);
    }
}
