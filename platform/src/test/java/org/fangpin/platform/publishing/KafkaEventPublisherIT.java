package org.fangpin.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.envelope.ImportProvenance;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.Provenance;
import org.fangpin.platform.actor.Role;
import org.fangpin.platform.web.PlatformTestApplication;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.KafkaBroker;
import org.fangpin.testsupport.PostgresServer;

/**
 * The outbox holds through a broker outage: events committed while clients cannot reach Kafka stay in the event
 * store, the publisher's position does not move past them, and once the broker is back each reaches its topic once,
 * in order per household.
 */
@SpringBootTest(classes = PlatformTestApplication.class,
        properties = {"fangpin.service=identification", "fangpin.security.require-gateway=false",
                "logging.level.kafka=WARN", "logging.level.org.apache.kafka=ERROR"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@AutoConfigureObservability(metrics = false)
class KafkaEventPublisherIT {

    private static final KafkaBroker BROKER = KafkaBroker.startBehindProxy();
    private static final PostgresServer.TestDatabase DATABASE = PostgresServer.get().createDatabase("publisher");

    @Autowired
    EventStore events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", DevTokenIssuer.shared()::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", DevTokenIssuer.shared()::jwksUri);
    }

    @AfterAll
    static void stop() {
        BROKER.close();
        DATABASE.close();
    }

    @Test
    @Order(1)
    void eventsCommittedWhileTheBrokerIsUnreachableArriveOnceInOrderAfterItReturns() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        List<String> published = new ArrayList<>(List.of(register(first, 0)));
        await().atMost(Duration.ofSeconds(60)).until(() -> BROKER.read(Topics.IDENTIFICATION, 1).size() == 1);

        BROKER.proxy().cut();
        String firstWhileDown = register(first, 1);
        published.add(firstWhileDown);
        published.add(register(first, 2));
        published.add(register(second, 0));
        published.add(register(second, 1));
        // the publisher keeps failing to send them, and never stores a position past them
        await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20))
                .until(() -> publisherPosition() < globalIndex(firstWhileDown));
        assertThat(unpublished()).as("the publisher's lag behind the store, as the alert reads it").isEqualTo(4);
        BROKER.proxy().restore();

        await().atMost(Duration.ofSeconds(120)).until(() -> BROKER.read(Topics.IDENTIFICATION, 5).size() >= 5);
        // and no copy follows late
        List<ConsumerRecord<String, byte[]>> records = await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(10)).until(() -> BROKER.read(Topics.IDENTIFICATION, 5),
                        list -> list.size() == 5);
        Map<String, Integer> copies = new HashMap<>();
        Map<String, List<String>> orderByHousehold = new HashMap<>();
        records.stream().sorted((a, b) -> Long.compare(a.offset(), b.offset())).forEach(record -> {
            EventEnvelope envelope = Envelopes.decode(record.value());
            copies.merge(envelope.id(), 1, Integer::sum);
            orderByHousehold.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(envelope.id());
        });
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(published);
        assertThat(copies.values()).as("each event once").containsOnly(1);
        assertThat(orderByHousehold.get(first)).containsExactlyElementsOf(published.subList(0, 3));
        assertThat(orderByHousehold.get(second)).containsExactlyElementsOf(published.subList(3, 5));
        // each carries its place in the store's hash chain
        records.forEach(record -> {
            EventEnvelope envelope = Envelopes.decode(record.value());
            assertThat(envelope.link().hash()).isEqualTo(jdbc.sql(
                    "SELECT encode(chainhash, 'hex') FROM domainevententry WHERE eventidentifier = ?")
                    .param(envelope.id()).query(String.class).single());
            assertThat(envelope.link().aggregateId()).isEqualTo(record.key());
        });
        assertThat(records.stream().map(record -> Envelopes.decode(record.value()))
                .filter(envelope -> envelope.id().equals(published.get(2))).findFirst().orElseThrow()
                .link().sequence()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> publisherPosition() >= globalIndex(published.get(4)));
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
    }

    /**
     * What a client that has only the CloudEvents SDK sees: its Kafka deserializer finds a CloudEvent in every record
     * of both topics (the binding's structured mode, by the content-type header), with the event's id, type,
     * subject and extensions; the public topic's data holds no ID number.
     */
    @Test
    @Order(2)
    void aStandardCloudEventsClientReadsEveryRecord() {
        String household = UUID.randomUUID().toString();
        String id = register(household, 0);

        for (String topic : List.of(Topics.IDENTIFICATION, Topics.IDENTIFICATION_PERSONAL)) {
            ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(60)).until(
                    () -> BROKER.readToEnd(topic).stream().filter(r -> household.equals(r.key())).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
            try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
                CloudEvent event = sdk.deserialize(topic, record.headers(), record.value());
                assertThat(event.getId()).isEqualTo(id);
                assertThat(event.getType()).isEqualTo("fangpin.identification.HouseholdRegistered.v1");
                assertThat(event.getSubject()).isEqualTo(household);
                assertThat(event.getExtension("regioncode")).isEqualTo("150724213201");
                assertThat(event.getExtension("actorrole")).isEqualTo("VILLAGE_OFFICER");
                assertThat(event.getDataContentType()).isEqualTo("application/json");
                boolean idNumberShown = new String(event.getData().toBytes(), StandardCharsets.UTF_8)
                        .contains("150724197803120211");
                assertThat(idNumberShown).as("ID number in the data of %s", topic)
                        .isEqualTo(topic.equals(Topics.IDENTIFICATION_PERSONAL));
            }
        }
    }

    /**
     * An imported event's file and line ride in its metadata (platform {@code Provenance}) and are published as the
     * extensions {@code importsource} and {@code importrow}; an event recorded live has neither.
     */
    @Test
    @Order(3)
    void anImportedEventIsPublishedWithItsFileAndLine() {
        String imported = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        register(imported, 0, Provenance.imported("鄂温克旗存量户.csv", 12));
        register(live, 0);

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(60)).until(
                () -> BROKER.readToEnd(Topics.IDENTIFICATION).stream()
                        .filter(r -> imported.equals(r.key()) || live.equals(r.key())).toList(),
                found -> found.size() == 2);
        try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
            for (ConsumerRecord<String, byte[]> record : records) {
                CloudEvent event = sdk.deserialize(Topics.IDENTIFICATION, record.headers(), record.value());
                boolean isImported = imported.equals(record.key());
                assertThat(event.getExtension("importsource")).isEqualTo(isImported ? "鄂温克旗存量户.csv" : null);
                assertThat(event.getExtension("importrow")).isEqualTo(isImported ? "12" : null);
                assertThat(Envelopes.decode(record.value()).imported())
                        .isEqualTo(isImported ? new ImportProvenance("鄂温克旗存量户.csv", 12L) : null);
            }
        }
    }

    /**
     * The publication of an event continues the trace of the work that recorded it (whose context the event's metadata
     * holds): the record carries the publication's own context, in the same trace, as a {@code traceparent} header
     * and as the CloudEvents distributed-tracing extension. An event recorded without trace context is published as
     * before, its publication starting a trace of its own.
     */
    @Test
    @Order(4)
    void aPublishedEventCarriesTheTraceItWasRecordedIn() {
        String traced = UUID.randomUUID().toString();
        String untraced = UUID.randomUUID().toString();
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String recording = "00f067aa0ba902b7";
        register(traced, 0, Map.of("traceparent", "00-" + trace + "-" + recording + "-01"));
        register(untraced, 0);

        for (String topic : List.of(Topics.IDENTIFICATION, Topics.IDENTIFICATION_PERSONAL)) {
            Map<String, ConsumerRecord<String, byte[]>> records = new HashMap<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                BROKER.readToEnd(topic).stream().filter(r -> traced.equals(r.key()) || untraced.equals(r.key()))
                        .forEach(r -> records.put(r.key(), r));
                return records.size() == 2;
            });
            String header = new String(records.get(traced).headers().lastHeader("traceparent").value(),
                    StandardCharsets.UTF_8);
            assertThat(header).matches("00-" + trace + "-[0-9a-f]{16}-01").doesNotContain(recording);
            try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
                assertThat(sdk.deserialize(topic, records.get(traced).headers(), records.get(traced).value())
                        .getExtension("traceparent")).isEqualTo(header);
            }
            assertThat(Envelopes.decode(records.get(traced).value()).trace().traceparent()).isEqualTo(header);
            assertThat(Envelopes.decode(records.get(untraced).value()).trace().traceparent())
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain(trace);
        }
    }

    /**
     * The publisher reads the store on a stream of its own, so a backlog behind it (an outage, as in the first test,
     * or a go-live import) stays in the database: Axon's shared stream runs a producer thread that fetches ahead for
     * every processor and keeps all it fetched until the slowest has passed it.
     */
    @Test
    @Order(5)
    void eventsWaitingForThePublisherAreNotHeldInMemory() {
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .contains("EventProcessor[Publisher_Kafka]-0")
                .noneMatch(name -> name.startsWith("EmbeddedEventStore"));
    }

    private String register(String household, long sequence) {
        return register(household, sequence, Map.of());
    }

    /** Appends a registration of the household at the given sequence, as a command would; returns its event id. */
    private String register(String household, long sequence, Map<String, ?> provenance) {
        HouseholdRegistered registered = new HouseholdRegistered(household, "150724213201", 3, "敖日格乐",
                "150724197803120211", HouseholdCategory.POVERTY_ALLEVIATED, 4);
        GenericDomainEventMessage<HouseholdRegistered> message = new GenericDomainEventMessage<>("Household",
                household, sequence, registered, MetaData.from(new Actor("u-1", "包银花", Role.VILLAGE_OFFICER,
                "150724213201").toMetaData()).mergedWith(provenance));
        DefaultUnitOfWork.startAndGet(null).execute(() -> events.publish(message));
        return message.getIdentifier();
    }

    private long globalIndex(String eventId) {
        return jdbc.sql("SELECT globalindex FROM domainevententry WHERE eventidentifier = ?").param(eventId)
                .query(Long.class).single();
    }

    /** The highest global index the publisher has stored as done; -1 before any. */
    /** The gauge the alert on publisher lag reads (fangpin_events_unpublished). */
    private double unpublished() {
        return meters.get("fangpin.events.unpublished").gauge().value();
    }

    private long publisherPosition() throws Exception {
        byte[] token = jdbc.sql("SELECT token FROM tokenentry WHERE processorname = 'Publisher_Kafka'")
                .query(byte[].class).optional().orElse(null);
        if (token == null) {
            return -1;
        }
        JsonNode node = json.readTree(token);
        return node.path("index").asLong(-1);
    }
}
