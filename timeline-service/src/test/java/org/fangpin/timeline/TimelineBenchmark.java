package org.fangpin.timeline;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.assistance.MeasureAdded;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.monitoring.WarningCleared;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.testsupport.DevTokenIssuer;
import org.fangpin.testsupport.Envelopes;
import org.fangpin.testsupport.GatewayTrust;
import org.fangpin.testsupport.Infrastructure;
import org.fangpin.testsupport.PostgresServer.TestDatabase;
import org.fangpin.testsupport.RealInfrastructureExtension;
import org.fangpin.testsupport.ServiceProcess;

/**
 * Not part of the test suite (see BENCHMARK.md). Runs timeline-service, the gateway and monitoring-service as their
 * own processes from their jars, on a fresh database each and the test's Kafka broker, and prints: the latency of a
 * 300-event timeline read through the gateway beside the same read sent directly to timeline-service, at a fixed
 * rate; the speed of live recording and of a rebuild from the topics; and how long events of monthly records sent
 * to monitoring-service take to show in the timeline. It generates all its data; it asserts nothing.
 */
@ExtendWith(RealInfrastructureExtension.class)
class TimelineBenchmark {

    private static final int TIMELINE_EVENTS = 300;
    private static final int REBUILD_HOUSEHOLDS = Integer.getInteger("benchmark.households", 10_000);
    /** Rebuilds one after the other: the first after the service's start, the others of a service in use. */
    private static final int REBUILDS = Integer.getInteger("benchmark.rebuilds", 3);
    private static final int RATE = Integer.getInteger("benchmark.rate", 200);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("benchmark.warmUpSeconds", 10));
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 20));
    private static final int MONITORED = Integer.getInteger("benchmark.monitored", 1_000);
    private static final int RECORD_RATE = Integer.getInteger("benchmark.recordRate", 100);
    private static final Duration RECORD_WARM_UP =
            Duration.ofSeconds(Integer.getInteger("benchmark.recordWarmUpSeconds", 10));
    private static final Duration RECORDING = Duration.ofSeconds(Integer.getInteger("benchmark.recordSeconds", 30));
    /**
     * timeline-service's JVM options: as deployed ({@code deploy/k8s/timeline}: a heap of about 70 % of a 768 MiB
     * container, code compiled by C1 only), unless given, e.g. with
     * {@code -XX:StartFlightRecording=filename=timeline.jfr} added.
     */
    private static final List<String> JVM_OPTIONS = List.of(System.getProperty("benchmark.jvm",
            "-Xmx512m -XX:TieredStopAtLevel=1").trim().split("\\s+"));
    private static final String VILLAGE = "150724213201";
    private static final ActorRef CADRE = new ActorRef("u-101", "包银花", "VILLAGE_OFFICER", VILLAGE);
    private static final ActorRef COUNTY = new ActorRef("u-301", "乌云", "COUNTY_APPROVER", "150724");
    private static final Path LOGS = Path.of("target", "benchmark");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final DevTokenIssuer tokens = DevTokenIssuer.shared();
    /** Requests sent to a service directly carry the signature the gateway would add. */
    private final GatewayTrust trust = GatewayTrust.withNewSecret();
    private static Infrastructure infrastructure;
    private KafkaTemplate<String, byte[]> kafka;
    private JdbcClient timelineDatabase;

    /** Taken here rather than by the test method, so that it is closed (databases dropped) after the class. */
    @BeforeAll
    static void infrastructure(Infrastructure real) {
        infrastructure = real;
    }

    @Test
    void timelineRecordingRebuildAndPropagation() {
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer()));
        TestDatabase timelineDb = infrastructure.database("timeline");
        timelineDatabase = JdbcClient.create(new DriverManagerDataSource(timelineDb.jdbcUrl()));
        Map<String, String> common = Map.of(
                "FANGPIN_KAFKA", infrastructure.kafka().bootstrapServers(),
                "FANGPIN_ISSUER", tokens.issuer(),
                "FANGPIN_JWKS_URI", tokens.jwksUri(),
                GatewayTrust.ENVIRONMENT_VARIABLE, trust.secret());
        Map<String, String> timelineEnvironment = new HashMap<>(common);
        timelineEnvironment.put("FANGPIN_DB_URL", timelineDb.jdbcUrl());
        try (ServiceProcess timeline = ServiceProcess.start("timeline-service", jar("timeline-service"),
                timelineEnvironment, LOGS, JVM_OPTIONS)) {
            Reads reads;
            Map<String, String> gatewayEnvironment = new HashMap<>(common);
            gatewayEnvironment.putAll(Map.of("FANGPIN_TIMELINE_URL", timeline.baseUrl(),
                    "FANGPIN_RATE_LIMIT_PER_SECOND", String.valueOf(RATE * 10),
                    "FANGPIN_RATE_LIMIT_BURST", String.valueOf(RATE * 10),
                    "FANGPIN_REDIS_URL", infrastructure.redis().url()));
            try (ServiceProcess gateway = ServiceProcess.start("gateway", jar("gateway"), gatewayEnvironment, LOGS)) {
                timeline.awaitHealthy();
                gateway.awaitHealthy();
                reads = recordingRebuildAndReads(timeline, gateway);
            }
            // started only now, so that it neither competes for the CPU nor reacts to the stories' events before
            Propagation propagation;
            try (ServiceProcess monitoring = ServiceProcess.start("monitoring-service", jar("monitoring-service"),
                    with(common, "FANGPIN_DB_URL", infrastructure.database("monitoring").jdbcUrl()), LOGS)) {
                monitoring.awaitHealthy();
                propagation = propagation(monitoring);
            }
            print(reads, propagation);
        }
    }

    /** @param rebuildSeconds each rebuild's, in the order they ran */
    private record Reads(long events, double recordingSeconds, double[] rebuildSeconds, Latencies direct,
                         Latencies routed) {

        String rebuilds() {
            StringBuilder rounds = new StringBuilder();
            for (double seconds : rebuildSeconds) {
                rounds.append(String.format("%n  %.1f s, %.0f events/s", seconds, events / seconds));
            }
            double[] sorted = rebuildSeconds.clone();
            Arrays.sort(sorted);
            return String.format("median %.0f events/s", events / sorted[sorted.length / 2]) + rounds;
        }
    }

    private Reads recordingRebuildAndReads(ServiceProcess timeline, ServiceProcess gateway) {
        String household = UUID.randomUUID().toString();
        OffsetDateTime start = OffsetDateTime.of(2021, 1, 4, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        List<PublishedEvent> story = story(household);
        for (int i = 0; i < story.size(); i++) {
            send(story.get(i), CADRE, start.plusHours(i));
        }
        int bulkEvents = 0;
        for (int h = 0; h < REBUILD_HOUSEHOLDS; h++) {
            for (PublishedEvent event : story(UUID.randomUUID().toString()).subList(0, 10)) {
                send(event, CADRE, start.plusMinutes(bulkEvents++));
            }
        }
        kafka.flush();
        long total = TIMELINE_EVENTS + bulkEvents;
        long recordingStarted = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> recorded(total));
        double recordingSeconds = seconds(recordingStarted);

        double[] rebuildSeconds = new double[REBUILDS];
        for (int round = 0; round < REBUILDS; round++) {
            // the dirty pages of the recording (or of the rebuild before) are written now, not by the rebuild's
            // backends
            timelineDatabase.sql("CHECKPOINT").update();
            long rebuildStarted = System.nanoTime();
            HttpResponse<String> accepted = send(signed(HttpRequest.newBuilder(
                            URI.create(timeline.baseUrl() + "/api/admin/timeline/rebuild"))
                    .header("Authorization", "Bearer " + tokens.token("ADMIN", "00"))
                    .POST(HttpRequest.BodyPublishers.noBody())));
            if (accepted.statusCode() != 202) {
                // a refused rebuild leaves no rebuild row behind, which would read as one finished at once
                throw new IllegalStateException(
                        "rebuild refused: HTTP " + accepted.statusCode() + " " + accepted.body());
            }
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> rebuildFinished() && recorded(total) && statuses() == REBUILD_HOUSEHOLDS + 1);
            rebuildSeconds[round] = seconds(rebuildStarted);
        }
        // the reads measure a settled service: what autovacuum and the next checkpoint would soon do after a rebuild
        // of this size is done now, not during the reads
        String live = timelineDatabase.sql("SELECT schema_name FROM timeline_version WHERE state = 'LIVE'")
                .query(String.class).single();
        timelineDatabase.sql("VACUUM ANALYZE %1$s.timeline_entry, %1$s.household_status".formatted(live)).update();
        timelineDatabase.sql("CHECKPOINT").update();

        String token = "Bearer " + tokens.token("SUPERVISOR", "150724");
        String path = "/api/households/" + household + "/timeline";
        String direct = timeline.baseUrl() + path;
        String routed = gateway.baseUrl() + path;
        load(RATE, WARM_UP, i -> signed(get(direct, token)));
        load(RATE, WARM_UP, i -> get(routed, token).build());
        Latencies directLatencies = load(RATE, MEASURED, i -> signed(get(direct, token)));
        Latencies routedLatencies = load(RATE, MEASURED, i -> get(routed, token).build());
        return new Reads(total, recordingSeconds, rebuildSeconds, directLatencies, routedLatencies);
    }

    private static void print(Reads reads, Propagation propagation) {
        System.out.printf("""

                ==== Fangpin timeline benchmark (%d CPUs, load average at the end %.1f) ====
                timeline of one household with %d events, %d requests/s for %d s after %d s of warm-up
                  %-28s %s
                  %-28s %s
                  gateway adds at p50 %.1f ms, at p99 %.1f ms
                recording %d events from the topics (live): %.1f s, %.0f events/s
                %d rebuilds (each HTTP 202) of %d events, %d households, from the topics, one after the other: %s
                propagation: monthly records for %d households sent to monitoring-service at %d/s for %d s after %d s
                  requests                   %s
                  achieved                   %.0f records/s
                  recorded in the timeline   %d events (%d monthly records), the last %.1f s after the last reply
                  commit to timeline         p50 %.0f ms, p99 %.0f ms, max %.0f ms
                ====
                """, Runtime.getRuntime().availableProcessors(), loadAverage(), TIMELINE_EVENTS, RATE,
                MEASURED.toSeconds(), WARM_UP.toSeconds(), "direct to timeline-service", reads.direct(),
                "through the gateway", reads.routed(),
                reads.routed().percentile(50) - reads.direct().percentile(50),
                reads.routed().percentile(99) - reads.direct().percentile(99),
                reads.events(), reads.recordingSeconds(), reads.events() / reads.recordingSeconds(),
                REBUILDS, reads.events(), REBUILD_HOUSEHOLDS + 1, reads.rebuilds(),
                MONITORED, RECORD_RATE, RECORDING.toSeconds(), RECORD_WARM_UP.toSeconds(), propagation.requests(),
                propagation.requests().sorted().size() / propagation.seconds(), propagation.events(),
                propagation.monthlyRecords(), propagation.drainSeconds(), propagation.p50(), propagation.p99(),
                propagation.max());
    }

    private record Propagation(Latencies requests, double seconds, long events, long monthlyRecords,
                               double drainSeconds, double p50, double p99, double max) {
    }

    /**
     * Identification events start the monitoring of {@link #MONITORED} households (monitoring-service consumes
     * them); then monthly records go to monitoring-service's API at a fixed rate, to warm up, then measured (the
     * warm-up's requests have all been answered before the measured ones start). Each event they cause is
     * timestamped when monitoring-service applies it and stamped {@code recorded_at} when the timeline records it:
     * the difference is the propagation delay (from just before the commit to the timeline's insert).
     */
    private Propagation propagation(ServiceProcess monitoring) {
        send(new PolicyChanged("150724", YearMonth.now(ZoneId.of("Asia/Shanghai")).getYear(),
                PolicyThresholds.of(new BigDecimal("8300.00"), new BigDecimal("5000.00"), new BigDecimal("10000.00"),
                        new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 15, 6), "基准测试"),
                COUNTY, OffsetDateTime.now());
        List<String> households = new ArrayList<>();
        for (int h = 0; h < MONITORED; h++) {
            String household = UUID.randomUUID().toString();
            households.add(household);
            send(new HouseholdIdentified(household, VILLAGE, "lead-" + household, ObjectType.MARGINAL_VULNERABLE,
                    List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, new BigDecimal("7600.00"),
                    new BigDecimal("8300.00"), LocalDate.now()), COUNTY, OffsetDateTime.now());
        }
        kafka.flush();
        // monitoring-service also starts monitoring the households identified in the stories sent before
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("event_type = 'fangpin.monitoring.MonitoringStarted.v1' AND actor_role = 'SYSTEM'")
                        >= REBUILD_HOUSEHOLDS + 1 + MONITORED);

        String token = "Bearer " + tokens.token("VILLAGE_OFFICER", VILLAGE);
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        IntFunction<HttpRequest> monthlyRecord = i -> signed(HttpRequest.newBuilder(
                        URI.create(monitoring.baseUrl() + "/api/monitoring/" + households.get(i % MONITORED)
                                + "/records"))
                .header("Authorization", token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"month":"%s","perCapitaNetIncome":%s,"contactMethod":"HOME_VISIT",
                         "rigidExpenditures":{"MEDICAL":%s}}""".formatted(month, i % 3 == 0 ? "6100.00" : "9600.00",
                        i % 7 == 0 ? "6200.00" : "800.00"))));
        load(RECORD_RATE, RECORD_WARM_UP, monthlyRecord, 201);
        OffsetDateTime loadStarted = OffsetDateTime.now();
        long started = System.nanoTime();
        Latencies requests = load(RECORD_RATE, RECORDING, monthlyRecord, 201);
        double seconds = seconds(started);
        long recorded = requests.sorted().size();
        String since = "occurred_at >= '" + loadStarted + "'";
        long drainStarted = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(since + " AND event_type = 'fangpin.monitoring.MonthlyMonitoringRecorded.v1'")
                        >= recorded);
        double drainSeconds = seconds(drainStarted);
        List<Double> lag = timelineDatabase.sql("""
                        SELECT percentile_cont(p) WITHIN GROUP (ORDER BY extract(EPOCH FROM recorded_at - occurred_at))
                        FROM timeline_entry, unnest(ARRAY[0.5, 0.99, 1.0]) AS p
                        WHERE %s GROUP BY p ORDER BY p""".formatted(since))
                .query(Double.class).list();
        return new Propagation(requests, seconds, count(since),
                count(since + " AND event_type = 'fangpin.monitoring.MonthlyMonitoringRecorded.v1'"), drainSeconds,
                lag.get(0) * 1000, lag.get(1) * 1000, lag.get(2) * 1000);
    }

    private Latencies load(int rate, Duration duration, IntFunction<HttpRequest> request) {
        return load(rate, duration, request, 200);
    }

    /** Sends requests at a fixed rate whatever the replies' speed; latency counts from the planned send time. */
    private Latencies load(int rate, Duration duration, IntFunction<HttpRequest> request, int expectedStatus) {
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long interval = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        long count = duration.toSeconds() * rate;
        for (int i = 0; i < count; i++) {
            long planned = begin + i * interval;
            LockSupport.parkNanos(planned - System.nanoTime());
            pending.add(http.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != expectedStatus) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, error != null ? error.toString()
                                    : "HTTP " + response.statusCode());
                        } else {
                            millis.add((System.nanoTime() - planned) / 1e6);
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Latencies(sorted, failures.get(), firstFailure.get());
    }

    private static HttpRequest.Builder get(String url, String authorization) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(10)).GET();
    }

    /** The request as the gateway would forward it: signed now, for its method, path and token. */
    private HttpRequest signed(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        return builder.header(GatewayTrust.HEADER, trust.signature(request.method(), request.uri(),
                request.headers().firstValue("Authorization").orElse(null))).build();
    }

    private record Latencies(List<Double> sorted, int failures, String firstFailure) {

        double percentile(int p) {
            return sorted.isEmpty() ? Double.NaN
                    : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }

        @Override
        public String toString() {
            return "n=%d failed=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%s".formatted(sorted.size(),
                    failures, percentile(50), percentile(90), percentile(99),
                    sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1),
                    firstFailure == null ? "" : " (first failure: " + firstFailure + ")");
        }
    }

    /** Registration to monitoring, then month after month of records, warnings and measures: 300 events. */
    private static List<PublishedEvent> story(String h) {
        String first17 = "15072419780312002";
        List<PublishedEvent> events = new ArrayList<>(List.of(
                new HouseholdRegistered(h, VILLAGE, 3, "敖登", first17 + IdNumber.checkCharacter(first17),
                        HouseholdCategory.POVERTY_ALLEVIATED, 4),
                new LeadReported(h, VILLAGE, "lead-" + h, LeadChannel.CADRE_VISIT, "走访发现", LocalDate.of(2021, 1, 4)),
                new HouseholdIdentified(h, VILLAGE, "lead-" + h, ObjectType.MARGINAL_VULNERABLE,
                        List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, new BigDecimal("5600.00"),
                        new BigDecimal("6000.00"), LocalDate.of(2021, 1, 15)),
                new MonitoringStarted(h, VILLAGE, ObjectType.MARGINAL_VULNERABLE, LocalDate.of(2021, 1, 15)),
                new AssistanceCaseOpened(h, VILLAGE, ObjectType.MARGINAL_VULNERABLE, List.of(RiskType.ILLNESS),
                        LabourCapacity.PARTIAL, LocalDate.of(2021, 1, 15))));
        for (int i = 0; events.size() < TIMELINE_EVENTS; i++) {
            YearMonth month = YearMonth.of(2021, 2).plusMonths(i);
            events.add(new MonthlyMonitoringRecorded(h, VILLAGE, month, new BigDecimal(5800 + i * 10 + ".00"),
                    List.of(), false));
            switch (i % 4) {
                case 0 -> events.add(new WarningRaised(h, VILLAGE, "w-" + i, WarningLevel.III_BLUE,
                        "INCOME_BELOW_LINE", new BigDecimal("5800.00"), new BigDecimal("6000.00"),
                        "家庭人均纯收入低于监测收入标准", month.atDay(20)));
                case 1 -> events.add(new WarningCleared(h, VILLAGE, "w-" + (i - 1), "INCOME_BELOW_LINE", "收入恢复",
                        month.atDay(20)));
                default -> events.add(new MeasureAdded(h, VILLAGE, "m-" + i, MeasureType.EMPLOYMENT, "公益岗位",
                        List.of(RiskType.ILLNESS), "人社局", "德力格尔", month.atEndOfMonth(), month.atDay(5)));
            }
        }
        return events.subList(0, TIMELINE_EVENTS);
    }

    /** Publishes an event as its service would, stamped with the given time. */
    private void send(PublishedEvent event, ActorRef actor, OffsetDateTime at) {
        EventEnvelope fresh = Envelopes.of(event, actor, UUID.randomUUID().toString());
        EventEnvelope envelope = new EventEnvelope(fresh.id(), fresh.source(), fresh.type(), fresh.subject(), at,
                fresh.regionCode(), actor, fresh.correlationId(), event, null);
        TopicsRead.send(kafka, envelope.type(), event.subject(), Envelopes.encode(envelope));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service deletes its rebuild's row once every status is derived; a cheap read to poll. */
    private boolean rebuildFinished() {
        return timelineDatabase.sql("""
                SELECT count(*) FROM timeline_version WHERE state NOT IN ('LIVE', 'DROPPED')""")
                .query(Long.class).single() == 0;
    }

    /**
     * Whether all {@code total} events are recorded. The newest position is read from the primary key alone; the
     * entries are counted only once it has reached the total (a rolled-back poll leaves gaps in the positions). A
     * count of the whole table at every poll would take the CPU the recorders are measured on.
     */
    private boolean recorded(long total) {
        return timelineDatabase.sql("SELECT coalesce(max(position), 0) FROM timeline_entry").query(Long.class)
                .single() >= total && count("true") == total;
    }

    private long count(String condition) {
        return timelineDatabase.sql("SELECT count(*) FROM timeline_entry WHERE " + condition).query(Long.class)
                .single();
    }

    private long statuses() {
        return timelineDatabase.sql("SELECT count(*) FROM household_status").query(Long.class).single();
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> extended = new HashMap<>(environment);
        extended.put(name, value);
        return extended;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The executable jar of a module, built by benchmark.sh (this module's own by the package phase). */
    private static Path jar(String module) {
        return Path.of("..", module, "target", module + "-0.1.0-SNAPSHOT-exec.jar").toAbsolutePath().normalize();
    }
}
