package org.fangpin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.Topics;
import org.fangpin.contracts.envelope.EnvelopeCodec;
import org.fangpin.testsupport.Infrastructure;
import org.fangpin.testsupport.KafkaBehindProxy;
import org.fangpin.testsupport.RealInfrastructureExtension;
import org.fangpin.testsupport.ServiceProcess;

/**
 * Nothing lost, nothing done twice, through crashes and outages: every service runs twice behind the gateway, as in
 * production, under a steady load of households taken through the whole procedure ({@link SteadyLoad}), while
 * <ul>
 *   <li>R1 kills (SIGKILL) one replica of each service in turn and starts it again;</li>
 *   <li>R2 takes the Kafka broker away from every client for 30 s;</li>
 *   <li>R3 cuts every service's PostgreSQL database for 30 s;</li>
 *   <li>R4 holds a transaction that appends an event open for longer than the event processors' gap timeout.</li>
 * </ul>
 * Once the system has settled, every event stored must be on Kafka and every household event in the timeline, no
 * household may be started on or opened twice, no dead letter may be parked, and every request refused during an
 * outage must have been answered fast with a problem code. It prints a table per fault (and writes it to
 * {@code target/faults/faults.md}). Outside the test suite: {@code mvn -B verify -Pfaults -pl system-tests}.
 */
@ExtendWith(RealInfrastructureExtension.class)
@KafkaBehindProxy
class FaultSuite {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** Axon's default gap timeout is 60 s: a transaction held longer than that is R4. */
    private static final Duration HELD_TRANSACTION = Duration.ofSeconds(75);
    /** A refusal during an outage must come this fast: the gateway's response timeout and a little more. */
    private static final Duration FAST = Duration.ofSeconds(35);
    private static final int USERS = 3;
    private static final List<String> STORES = List.of("identification", "monitoring", "assistance");
    private static final List<String> STORES_AND_TIMELINE = List.of("identification", "monitoring", "assistance",
            "timeline");

    private static Infrastructure infrastructure;
    private static RunningSystem system;

    @BeforeAll
    static void startTwoReplicasOfEveryService(Infrastructure given) {
        infrastructure = given;
        system = RunningSystem.start(infrastructure, infrastructure.tokens().issuer(),
                infrastructure.tokens().jwksUri(), "faults", 2).awaitHealthy();
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void nothingIsLostOrDoneTwiceThroughCrashesAndOutages() throws Exception {
        SteadyLoad load = SteadyLoad.start(system, infrastructure.tokens(), USERS);
        List<Phase> phases = new ArrayList<>();
        phases.add(run("none (steady load)", () -> sleep(Duration.ofSeconds(20))));
        for (String service : RunningSystem.SERVICES) {
            phases.add(run("R1 kill -9 " + service + "-service", () -> {
                ServiceProcess replica = system.replicas(service).get(0);
                replica.kill();
                sleep(Duration.ofSeconds(5));
                replica.restart().awaitHealthy();
            }));
        }
        phases.add(run("R2 Kafka down 30 s", () -> {
            infrastructure.kafka().proxy().cut();
            sleep(OUTAGE);
            infrastructure.kafka().proxy().restore();
        }));
        phases.add(run("R3 PostgreSQL cut 30 s", () -> {
            STORES_AND_TIMELINE.forEach(service -> system.testDatabase(service).cut());
            sleep(OUTAGE);
            STORES_AND_TIMELINE.forEach(service -> system.testDatabase(service).reopen());
        }));
        phases.add(run("R4 append held " + HELD_TRANSACTION.toSeconds() + " s", this::appendHeldPastTheGapTimeout));
        phases.add(run("none (after the faults)", () -> sleep(Duration.ofSeconds(20))));
        List<SteadyLoad.Call> calls = load.stop();

        Observed observed = settle();
        String table = table(phases, calls, observed);
        System.out.println(table);
        Path report = Path.of("target/faults/faults.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);

        assertThat(observed.missingOnKafka()).as("stored events never published").isEmpty();
        assertThat(observed.missingInTimeline()).as("household events missing from the timeline").isEmpty();
        assertThat(observed.doneTwice()).as("effects that happened twice").isEmpty();
        assertThat(observed.deadLetters()).as("dead letters parked").isZero();
        assertThat(load.abandoned()).as("households whose procedure was refused for good").isEmpty();
        assertThat(calls).filteredOn(call -> !call.succeeded())
                .allSatisfy(call -> {
                    assertThat(call.took()).as("%s answered in", call).isLessThan(FAST);
                    assertThat(call.code()).as("%s problem code", call).isNotBlank();
                });
        assertThat(phases).allSatisfy(phase -> assertThat(recovery(phase, calls)).as("recovery after %s", phase.name())
                .isLessThan(Duration.ofMinutes(2)));
    }

    // ---- the faults

    private record Phase(String name, Instant start, Instant faultEnded) {
    }

    private interface Fault {
        void inject() throws Exception;
    }

    private static Phase run(String name, Fault fault) throws Exception {
        Instant start = Instant.now();
        fault.inject();
        return new Phase(name, start, Instant.now());
    }

    /**
     * A household registration appended in a transaction that stays open past the gap timeout, as a replica stalled
     * mid-commit would leave it: the event's global index is taken first, the events appended meanwhile get higher
     * ones and are published, and the late one must still be published once it commits.
     */
    private void appendHeldPastTheGapTimeout() throws SQLException {
        String household = UUID.randomUUID().toString();
        try (Connection connection = DriverManager.getConnection(system.testDatabase("identification").jdbcUrl())) {
            connection.setAutoCommit(false);
            try (PreparedStatement append = connection.prepareStatement("""
                    INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                        metadata, payload, payloadrevision, payloadtype, timestamp)
                    SELECT ?, 0, type, ?, metadata,
                        convert_to(jsonb_set(jsonb_set(convert_from(payload, 'UTF8')::jsonb, '{householdId}',
                            to_jsonb(?::text)), '{headIdNumber}', to_jsonb(?::text))::text, 'UTF8'),
                        payloadrevision, payloadtype,
                        to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                    FROM domainevententry WHERE payloadtype LIKE '%.HouseholdRegistered'
                    ORDER BY globalindex LIMIT 1""")) {
                append.setString(1, household);
                append.setString(2, UUID.randomUUID().toString());
                append.setString(3, household);
                append.setString(4, SteadyLoad.newIdNumber());
                assertThat(append.executeUpdate()).isEqualTo(1);
            }
            sleep(HELD_TRANSACTION);
            connection.commit();
        }
    }

    // ---- what the system holds once settled

    /** What the stores, the topics and the timeline hold. */
    private record Observed(Map<String, Instant> stored, Map<String, Instant> householdEvents,
                            Map<String, Long> onKafka, Set<String> inTimeline, List<String> missingOnKafka,
                            List<String> missingInTimeline, List<String> doneTwice, long deadLetters) {
    }

    /** Waits (up to three minutes) until every stored event has reached the timeline, then looks. */
    private static Observed settle() {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Observed observed = observe();
        while (!observed.missingInTimeline().isEmpty() && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(5));
            observed = observe();
        }
        return observed;
    }

    private static Observed observe() {
        Map<String, Instant> stored = new HashMap<>();
        Map<String, Instant> householdEvents = new HashMap<>();
        for (String service : STORES) {
            List<String[]> rows = system.database(service)
                    .sql("SELECT eventidentifier, payloadtype, timestamp FROM domainevententry")
                    .query((row, n) -> new String[] {row.getString(1), row.getString(2), row.getString(3)}).list();
            for (String[] row : rows) {
                published(row[1]).ifPresent(entry -> {
                    Instant at = Instant.parse(row[2]);
                    stored.put(row[0], at);
                    if (HouseholdEvent.class.isAssignableFrom(entry.eventClass())) {
                        householdEvents.put(row[0], at);
                    }
                });
            }
        }
        EnvelopeCodec codec = new EnvelopeCodec();
        Map<String, Long> onKafka = new HashMap<>();
        for (String topic : List.of(Topics.IDENTIFICATION_PERSONAL, Topics.MONITORING, Topics.ASSISTANCE)) {
            infrastructure.kafka().readToEnd(topic).forEach(record ->
                    onKafka.merge(codec.decode(record.value()).id(), 1L, Long::sum));
        }
        Set<String> inTimeline = new HashSet<>(system.database("timeline")
                .sql("SELECT event_id FROM timeline_entry").query(String.class).list());
        long deadLetters = infrastructure.kafka().topics().stream().filter(topic -> topic.endsWith(".dlt"))
                .mapToLong(topic -> infrastructure.kafka().readToEnd(topic).size()).sum();
        return new Observed(stored, householdEvents, onKafka, inTimeline,
                stored.keySet().stream().filter(id -> !onKafka.containsKey(id)).sorted().toList(),
                householdEvents.keySet().stream().filter(id -> !inTimeline.contains(id)).sorted().toList(),
                system.effectsDoneTwice(), deadLetters);
    }

    private static Optional<EventCatalog.Entry> published(String payloadType) {
        try {
            return EventCatalog.forClass(Class.forName(payloadType));
        } catch (ClassNotFoundException internalEvent) {
            return Optional.empty();
        }
    }

    // ---- the table

    private static String table(List<Phase> phases, List<SteadyLoad.Call> calls, Observed observed) {
        StringBuilder table = new StringBuilder("""
                | fault | commands sent | 2xx | refused fast (503/429) | events stored | on Kafka | Kafka duplicates \
                | timeline entries | done twice | dead letters | recovery |
                |---|---|---|---|---|---|---|---|---|---|---|
                """);
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            Instant end = i + 1 < phases.size() ? phases.get(i + 1).start() : Instant.MAX;
            Function<Instant, Boolean> within = at -> !at.isBefore(phase.start()) && at.isBefore(end);
            List<SteadyLoad.Call> commands = calls.stream().filter(SteadyLoad.Call::write)
                    .filter(call -> within.apply(call.sentAt())).toList();
            Set<String> stored = observed.stored().entrySet().stream().filter(e -> within.apply(e.getValue()))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            long households = observed.householdEvents().entrySet().stream()
                    .filter(e -> within.apply(e.getValue())).count();
            table.append("| ").append(phase.name())
                    .append(" | ").append(commands.size())
                    .append(" | ").append(commands.stream().filter(SteadyLoad.Call::succeeded).count())
                    .append(" | ").append(commands.stream().filter(call -> call.status() == 503
                            || call.status() == 429).count())
                    .append(" | ").append(stored.size())
                    .append(" | ").append(stored.stream().filter(observed.onKafka()::containsKey).count())
                    .append(" | ").append(stored.stream().mapToLong(id -> observed.onKafka().getOrDefault(id, 0L))
                            .filter(n -> n > 1).map(n -> n - 1).sum())
                    .append(" | ").append(observed.householdEvents().entrySet().stream()
                            .filter(e -> within.apply(e.getValue()))
                            .filter(e -> observed.inTimeline().contains(e.getKey())).count())
                    .append(" of ").append(households)
                    .append(" | ").append(i == phases.size() - 1 ? observed.doneTwice().size() : "")
                    .append(" | ").append(i == phases.size() - 1 ? observed.deadLetters() : "")
                    .append(" | ").append(recovery(phase, calls).toMillis() / 1000.0).append(" s |\n");
        }
        return table.toString();
    }

    /** From the end of the fault to the first command that succeeded after it. */
    private static Duration recovery(Phase phase, List<SteadyLoad.Call> calls) {
        return calls.stream().filter(SteadyLoad.Call::write).filter(SteadyLoad.Call::succeeded)
                .map(SteadyLoad.Call::sentAt).filter(at -> !at.isBefore(phase.faultEnded())).min(Instant::compareTo)
                .map(at -> Duration.between(phase.faultEnded(), at)).orElse(Duration.ofDays(1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
