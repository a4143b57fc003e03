package org.fangpin.platform.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.platform.evidence.ChainDigests.Body;
import org.fangpin.platform.evidence.ChainDigests.Head;
import org.fangpin.platform.evidence.ChainDigests.Signed;
import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * The heads of the chains that changed since the previous digest leave the database, signed: each digest names
 * every changed aggregate's last sequence number and link, and nothing signed with another key passes for one.
 */
@SpringBootTest(classes = PlatformTestApplication.class,
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false"})
@WithRealInfrastructure
class ChainDigestsIT {

    private static final byte[] KEY = "a-32-byte-evidence-key-for-tests".getBytes(StandardCharsets.UTF_8);

    @Autowired
    EventStore events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaBroker broker;

    @Test
    void eachDigestSignsTheHeadsOfTheChainsChangedSinceThePreviousOne() {
        ChainDigests digests = new ChainDigests(jdbc, kafka, "platform-test", new String(KEY, StandardCharsets.UTF_8));
        String first = household(3);
        String second = household(1);

        assertThat(digests.publish()).isEqualTo(2);
        assertThat(digests.publish()).as("nothing changed since").isZero();
        append(second, 1);
        assertThat(digests.publish()).isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> records = broker.read(ChainDigests.TOPIC, 2);
        assertThat(records).hasSize(2).allSatisfy(record -> assertThat(record.key()).isEqualTo("platform-test"));
        Body before = ChainDigests.verified(ChainDigests.read(records.get(0).value()), KEY).orElseThrow();
        assertThat(before.heads()).containsExactlyInAnyOrder(head(first, 2), head(second, 0));
        Body after = ChainDigests.verified(ChainDigests.read(records.get(1).value()), KEY).orElseThrow();
        assertThat(after.heads()).containsExactly(head(second, 1));
        assertThat(after.fromGlobalIndex()).isEqualTo(before.toGlobalIndex());

        Signed genuine = ChainDigests.read(records.get(1).value());
        Signed planted = ChainDigests.sign(after, "another-key-of-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8));
        assertThat(ChainDigests.verified(planted, KEY)).isEmpty();
        assertThat(ChainDigests.verified(new Signed(genuine.body().replace(head(second, 1).hash(), "00".repeat(32)),
                genuine.algorithm(), genuine.signature()), KEY)).isEmpty();
    }

    private Head head(String household, long sequence) {
        return new Head(household, sequence, jdbc.sql("""
                        SELECT encode(chainhash, 'hex') FROM domainevententry
                        WHERE aggregateidentifier = :id AND sequencenumber = :sequence""")
                .param("id", household).param("sequence", sequence).query(String.class).single());
    }

    private String household(int events) {
        String household = UUID.randomUUID().toString();
        for (int sequence = 0; sequence < events; sequence++) {
            append(household, sequence);
        }
        return household;
    }

    private void append(String household, long sequence) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> events.publish(new GenericDomainEventMessage<>(
                "MonitoredHousehold", household, sequence, "月度走访 " + sequence, Map.of())));
    }
}
