package org.fangpin.monitoring.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.WithRealInfrastructure;

@SpringBootTest
@WithRealInfrastructure
class StartMonitoringOnIdentificationIT {

    private static final String VILLAGE = "150724213202";

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaBroker broker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRedeliveredIdentificationStartsMonitoringOnlyOnce() {
        String household = UUID.randomUUID().toString();
        byte[] envelope = identified(household);

        kafka.send(Topics.IDENTIFICATION, household, envelope);
        kafka.send(Topics.IDENTIFICATION, household, envelope);

        await().atMost(Duration.ofSeconds(30)).until(() -> monitored(household) && duplicatesSkipped() == 1);

        assertThat(storedEventsOf(household)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !publishedAbout(household).isEmpty());
        assertThat(publishedAbout(household)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("fangpin.monitoring.MonitoringStarted.v1");
            assertThat(e.actor().role()).isEqualTo("SYSTEM");
            assertThat(e.correlationId()).isEqualTo("corr-" + household);
        });
    }

    @Test
    void monitoringStartsOnTheDayOfTheCountysDecisionNotTheDayItWasRead() {
        String household = UUID.randomUUID().toString();

        kafka.send(Topics.IDENTIFICATION, household, identified(household));

        await().atMost(Duration.ofSeconds(30)).until(() -> monitored(household));
        assertThat(jdbc.sql("SELECT started_on FROM monitored_household WHERE household_id = :id")
                .param("id", household).query(LocalDate.class).single()).isEqualTo(LocalDate.of(2024, 7, 2));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() {
        String household = UUID.randomUUID().toString();

        kafka.send(Topics.IDENTIFICATION, household, "这不是事件".getBytes(StandardCharsets.UTF_8));
        kafka.send(Topics.IDENTIFICATION, household, identified(household));

        await().atMost(Duration.ofSeconds(30)).until(() -> monitored(household));
        ConsumerRecord<String, byte[]> dead = broker.read(Topics.IDENTIFICATION + ".monitoring.dlt", 1).get(0);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("这不是事件");
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8)).contains("not a CloudEvents JSON envelope");
    }

    private byte[] identified(String household) {
        HouseholdIdentified event = new HouseholdIdentified(household, VILLAGE, "lead-" + household,
                ObjectType.UNSTABLE_ALLEVIATED, List.of(RiskType.DISASTER), LabourCapacity.FULL,
                new BigDecimal("6100.00"), new BigDecimal("8300.00"), LocalDate.of(2024, 7, 2));
        return Envelopes.encode(Envelopes.of(event, new ActorRef("u-county", "其其格", "COUNTY_APPROVER", "150724"),
                "corr-" + household));
    }

    private boolean monitored(String household) {
        return jdbc.sql("SELECT count(*) FROM monitored_household WHERE household_id = :id")
                .param("id", household).query(Long.class).single() == 1;
    }

    private double duplicatesSkipped() {
        var counter = meters.find("fangpin.events.consumed").tag("consumer", StartMonitoringOnIdentification.CONSUMER)
                .tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private long storedEventsOf(String household) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", household).query(Long.class).single();
    }

    private List<EventEnvelope> publishedAbout(String household) {
        return broker.read(Topics.MONITORING, 1).stream().map(r -> Envelopes.decode(r.value()))
                .filter(e -> e.subject().equals(household)).toList();
    }
}
