package org.fangpin.platform.consuming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * Transient is not poison: a delivery failing because the database is unreachable is retried until it succeeds,
 * long after a deterministic failure would have been parked; a delivery failing because of the event is parked on
 * the dead-letter topic after its retries. Both are logged and counted.
 */
@SpringBootTest(classes = {PlatformTestApplication.class, DeliveryFailuresIT.Consumer.class},
        properties = {"fangpin.service=platform-test", "fangpin.publishing.enabled=false",
                "fangpin.delivery.retries=2", "fangpin.delivery.retry-interval=50ms",
                "fangpin.delivery.max-transient-interval=100ms"})
@WithRealInfrastructure
class DeliveryFailuresIT {

    static final String TOPIC = "fangpin.test.v1";

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    Consumer consumer;
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaBroker broker;

    /** Fails as the record's value says: {@code outage:<n>} the first n times, {@code poison} always. */
    @TestConfiguration
    static class Consumer {

        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Map<String, Boolean> applied = new ConcurrentHashMap<>();

        @KafkaListener(id = "Test_Failures", topics = TOPIC)
        void on(ConsumerRecord<String, byte[]> record) {
            String value = new String(record.value());
            int attempt = attempts.computeIfAbsent(record.key(), key -> new AtomicInteger()).incrementAndGet();
            if (value.startsWith("outage:") && attempt <= Integer.parseInt(value.substring(7))) {
                throw new CannotGetJdbcConnectionException("Connection to 127.0.0.1:5432 refused");
            }
            if (value.equals("poison")) {
                throw new IllegalStateException("the event breaks a rule of this consumer");
            }
            applied.put(record.key(), true);
        }
    }

    @Test
    void aDeliveryFailingWhileTheDatabaseIsDownIsRetriedUntilItSucceedsNotParked() {
        kafka.send(TOPIC, "household-outage", "outage:8".getBytes());

        await().atMost(Duration.ofSeconds(60)).until(() -> consumer.applied.containsKey("household-outage"));
        assertThat(consumer.attempts.get("household-outage").get()).isEqualTo(9);
        assertThat(meters.find("fangpin.events.delivery.failures").tag("kind", "transient").counter())
                .isNotNull().extracting(counter -> counter.count()).isEqualTo(8.0);
    }

    @Test
    void aDeliveryFailingBecauseOfTheEventIsParkedAfterItsRetriesAndCounted() {
        kafka.send(TOPIC, "household-poison", "poison".getBytes());

        ConsumerRecord<String, byte[]> parked = broker.read(TOPIC + ".platform-test.dlt", 1).get(0);

        assertThat(parked.key()).isEqualTo("household-poison");
        assertThat(consumer.attempts.get("household-poison").get()).isEqualTo(3);
        assertThat(consumer.applied).doesNotContainKey("household-poison");
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("fangpin.events.dead.lettered")
                .tag("topic", TOPIC).counter() != null);
        assertThat(meters.find("fangpin.events.dead.lettered").tag("topic", TOPIC).counter().count()).isEqualTo(1.0);
    }
}
