package org.fangpin.platform.consuming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.kafka.listener.BatchListenerFailedException;

import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.envelope.MalformedEnvelopeException;
import org.fangpin.contracts.envelope.TraceContext;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.tracing.EventTracing;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.PostgresServer;

class EventInboxIT {

    private static final String CONSUMER = "ReadModel_Test";

    private static PostgresServer.TestDatabase database;
    private static SimpleDriverDataSource dataSource;
    private static JdbcClient jdbc;
    private EventInbox inbox;
    private SimpleMeterRegistry meters;

    @BeforeAll
    static void migrate() {
        database = PostgresServer.get().createDatabase("event_inbox");
        dataSource = new SimpleDriverDataSource(new Driver(), database.jdbcUrl());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE effect (event_id VARCHAR(255) PRIMARY KEY)").update();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void emptyInbox() {
        jdbc.sql("TRUNCATE effect, processed_event").update();
        meters = new SimpleMeterRegistry();
        inbox = new EventInbox(jdbc, new SpringTransactionManager(new DataSourceTransactionManager(dataSource)),
                "platform-test", meters, EventTracing.off());
    }

    @Test
    void aPollIsAppliedOnceInOrderWithoutTheEventsSeenBeforeOrTwiceInThePoll() {
        EventEnvelope seenBefore = envelope(2024);
        inbox.receiveAll(CONSUMER, List.of(record(seenBefore)), this::recordEffect);
        EventEnvelope first = envelope(2025);
        EventEnvelope second = envelope(2026);

        List<EventEnvelope> applied = inbox.receiveAll(CONSUMER,
                List.of(record(first), record(seenBefore), record(second), record(first)), this::recordEffect);

        assertThat(applied).extracting(EventEnvelope::id).containsExactly(first.id(), second.id());
        assertThat(effects()).containsExactlyInAnyOrder(seenBefore.id(), first.id(), second.id());
        assertThat(counted("applied")).isEqualTo(3);
        assertThat(counted("duplicate")).isEqualTo(2);
    }

    @Test
    void theEffectRunsAsTheServicesSystemActor() {
        List<String> actors = new ArrayList<>();

        inbox.receiveAll(CONSUMER, List.of(record(envelope(2025))), envelopes -> actors.add(RequestContext.requireActor().id()));

        assertThat(actors).containsExactly("system:platform-test-service");
    }

    /**
     * The handling continues the trace the envelope carries, its span current while the effect runs (so the events of
     * the commands it sends join the trace); an envelope from before tracing is handled in a trace of its own.
     */
    @Test
    void theEffectRunsInASpanContinuingTheEventsTrace() {
        OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        io.opentelemetry.api.trace.Tracer otel = openTelemetry.getTracer("event-inbox-test");
        OtelCurrentTraceContext current = new OtelCurrentTraceContext();
        Tracer tracer = new OtelTracer(otel, current, event -> { },
                new OtelBaggageManager(current, List.of(), List.of()));
        inbox = new EventInbox(jdbc, new SpringTransactionManager(new DataSourceTransactionManager(dataSource)),
                "platform-test", meters, new EventTracing(tracer, new OtelPropagator(openTelemetry.getPropagators(),
                otel)));
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String publication = "00f067aa0ba902b7";
        List<io.micrometer.tracing.TraceContext> seen = new ArrayList<>();

        inbox.receive(CONSUMER, record(envelope(2025).withTrace(new TraceContext("00-" + trace + "-" + publication
                + "-01", null))), envelope -> seen.add(tracer.currentSpan().context()));
        inbox.receive(CONSUMER, record(envelope(2026)), envelope -> seen.add(tracer.currentSpan().context()));

        assertThat(seen.get(0).traceId()).isEqualTo(trace);
        assertThat(seen.get(0).parentId()).isEqualTo(publication);
        assertThat(seen.get(1).traceId()).isNotEqualTo(trace).hasSize(32);
        assertThat(seen.get(1).parentId()).isNull();
        assertThat(processed()).hasSize(2);
        assertThat(tracer.currentSpan()).isNull();
    }

    @Test
    void whenOneEventFailsTheOnesBeforeItAreKeptAndItIsReportedByItsIndex() {
        EventEnvelope before = envelope(2024);
        EventEnvelope failing = envelope(2025);
        EventEnvelope after = envelope(2026);

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> inbox.receiveAll(CONSUMER, List.of(record(before), record(failing), record(after)), envelopes -> {
                    if (envelopes.stream().anyMatch(envelope -> envelope.id().equals(failing.id()))) {
                        throw new IllegalStateException("projection refused " + failing.id());
                    }
                    recordEffect(envelopes);
                }));

        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(failure).hasRootCauseMessage("projection refused " + failing.id());
        assertThat(effects()).containsExactly(before.id());
        assertThat(processed()).containsExactly(before.id());
    }

    @Test
    void aMalformedEnvelopeIsReportedByItsIndexAndChangesNothingOfItsOwn() {
        EventEnvelope before = envelope(2024);
        ConsumerRecord<String, byte[]> malformed = new ConsumerRecord<>("fangpin.identification.v1", 0, 1, "key",
                "{not an envelope".getBytes(StandardCharsets.UTF_8));

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> inbox.receiveAll(CONSUMER, List.of(record(before), malformed), this::recordEffect));

        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(failure).hasCauseInstanceOf(MalformedEnvelopeException.class);
        assertThat(effects()).containsExactly(before.id());
    }

    /**
     * A command sent by the effect runs in a unit of work nested in the delivery's, and Axon releases the command's
     * aggregate lock when that unit of work is cleaned up: only after the delivery's transaction has committed, so
     * that whoever takes the lock next sees the events appended.
     */
    @Test
    void unitsOfWorkStartedByTheEffectAreCleanedUpOnlyAfterTheCommit() {
        EventEnvelope event = envelope(2025);
        SimpleDriverDataSource anotherConnection = new SimpleDriverDataSource(new Driver(), database.jdbcUrl());
        List<List<String>> committedAtCleanup = new ArrayList<>();

        inbox.receive(CONSUMER, record(event), envelope -> {
            recordEffect(List.of(envelope));
            UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
            command.onCleanup(unitOfWork -> committedAtCleanup.add(JdbcClient.create(anotherConnection)
                    .sql("SELECT event_id FROM effect").query(String.class).list()));
            command.commit();
        });

        assertThat(committedAtCleanup).containsExactly(List.of(event.id()));
    }

    @Test
    void aFailingEffectLeavesNoTraceAndIsReported() {
        EventEnvelope event = envelope(2025);

        Throwable failure = catchThrowableOfType(IllegalStateException.class,
                () -> inbox.receive(CONSUMER, record(event), envelope -> {
                    recordEffect(List.of(envelope));
                    throw new IllegalStateException("automation refused " + envelope.id());
                }));

        assertThat(failure).hasMessage("automation refused " + event.id());
        assertThat(effects()).isEmpty();
        assertThat(processed()).isEmpty();
    }

    private void recordEffect(List<EventEnvelope> envelopes) {
        envelopes.forEach(envelope -> jdbc.sql("INSERT INTO effect (event_id) VALUES (:id)")
                .param("id", envelope.id()).update());
    }

    private static List<String> effects() {
        return jdbc.sql("SELECT event_id FROM effect").query(String.class).list();
    }

    private static List<String> processed() {
        return jdbc.sql("SELECT event_id FROM processed_event WHERE consumer = :consumer")
                .param("consumer", CONSUMER).query(String.class).list();
    }

    private double counted(String outcome) {
        return meters.get("fangpin.events.consumed").tag("consumer", CONSUMER).tag("outcome", outcome)
                .counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private static EventEnvelope envelope(int year) {
        PolicyChanged change = new PolicyChanged("150724", year, PolicyThresholds.of(new BigDecimal("8300.00"),
                new BigDecimal("5000.00"), new BigDecimal("10000.00"), new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6,
                15, 6), "年度调整");
        return Envelopes.of(change, new ActorRef("county-1", "县审定员", "COUNTY_APPROVER", "150724"), null);
    }

    private static ConsumerRecord<String, byte[]> record(EventEnvelope envelope) {
        return new ConsumerRecord<>("fangpin.identification.v1", 0, 0, envelope.subject(), Envelopes.encode(envelope));
    }
}
