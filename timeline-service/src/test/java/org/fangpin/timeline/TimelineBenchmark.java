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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.assistance.MeasureAdded;
import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.envelope.EventEnvelope;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.LeadReported;
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
import org.fangpin.testsupport.ServiceProcess;
import org.fangpin.testsupport.WithRealInfrastructure;

/**
 * Not part of the test suite (see BENCHMARK.md): prints the latency of a 300-event timeline read through the gateway
 * beside the same read sent directly to timeline-service, at a fixed rate, and the speed of a projection rebuild
 * from the topics. It generates its own data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class TimelineBenchmark {

    private static final int TIMELINE_EVENTS = 300;
    private static final int REBUILD_HOUSEHOLDS = Integer.getInteger("benchmark.households", 2_000);
    private static final int RATE = Integer.getInteger("benchmark.rate", 200);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("benchmark.warmUpSeconds", 10));
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 20));
    private static final String VILLAGE = "150724213201";
    private static final ActorRef CADRE = new ActorRef("u-101", "包银花", "VILLAGE_OFFICER", VILLAGE);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DevTokenIssuer tokens;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void timelineThroughTheGatewayAndProjectionRebuild() {
        String household = UUID.randomUUID().toString();
        OffsetDateTime start = OffsetDateTime.of(2021, 1, 4, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        List<HouseholdEvent> story = story(household);
        for (int i = 0; i < story.size(); i++) {
            send(story.get(i), start.plusHours(i));
        }
        int bulkEvents = 0;
        for (int h = 0; h < REBUILD_HOUSEHOLDS; h++) {
            for (HouseholdEvent event : story(UUID.randomUUID().toString()).subList(0, 10)) {
                send(event, start.plusMinutes(bulkEvents++));
            }
        }
        kafka.flush();
        long total = TIMELINE_EVENTS + bulkEvents;
        long recordingStarted = System.nanoTime();
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).until(() -> entries() == total);
        double recordingSeconds = (System.nanoTime() - recordingStarted) / 1e9;

        String token = tokens.token("SUPERVISOR", "150724");
        String path = "/api/households/" + household + "/timeline";
        Map<String, String> gatewayEnvironment = Map.of(
                "FANGPIN_ISSUER", tokens.issuer(), "FANGPIN_JWKS_URI", tokens.jwksUri(),
                "FANGPIN_TIMELINE_URL", "http://127.0.0.1:" + port,
                "FANGPIN_RATE_LIMIT_PER_SECOND", String.valueOf(RATE * 10),
                "FANGPIN_RATE_LIMIT_BURST", String.valueOf(RATE * 10));
        try (ServiceProcess gateway = ServiceProcess.start("gateway", gatewayJar(), gatewayEnvironment,
                Path.of("target", "benchmark")).awaitHealthy()) {
            long rebuildStarted = System.nanoTime();
            HttpResponse<String> accepted = send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/admin/timeline/rebuild"))
                    .header("Authorization", "Bearer " + tokens.token("ADMIN", "150724"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> entries() == total && statuses() == REBUILD_HOUSEHOLDS + 1);
            double rebuildSeconds = (System.nanoTime() - rebuildStarted) / 1e9;

            String direct = "http://127.0.0.1:" + port + path;
            String routed = gateway.baseUrl() + path;
            load(direct, token, WARM_UP);
            load(routed, token, WARM_UP);
            Latencies directLatencies = load(direct, token, MEASURED);
            Latencies routedLatencies = load(routed, token, MEASURED);

            System.out.printf("""

                    ==== Fangpin timeline benchmark (%d CPUs, load average at the end %.1f) ====
                    timeline of one household with %d events, %d requests/s for %d s after %d s of warm-up
                      %-28s %s
                      %-28s %s
                      gateway adds at p50 %.1f ms, at p99 %.1f ms
                    recording %d events from the topics (live): %.1f s, %.0f events/s
                    rebuild (HTTP %d) of %d events, %d households from the topics: %.1f s, %.0f events/s
                    ====
                    """, Runtime.getRuntime().availableProcessors(), loadAverage(), TIMELINE_EVENTS, RATE,
                    MEASURED.toSeconds(), WARM_UP.toSeconds(), "direct to timeline-service", directLatencies,
                    "through the gateway", routedLatencies,
                    routedLatencies.percentile(50) - directLatencies.percentile(50),
                    routedLatencies.percentile(99) - directLatencies.percentile(99),
                    total, recordingSeconds, total / recordingSeconds,
                    accepted.statusCode(), total, REBUILD_HOUSEHOLDS + 1, rebuildSeconds, total / rebuildSeconds);
        }
    }

    /** Sends requests at a fixed rate whatever the replies' speed; latency counts from the planned send time. */
    private Latencies load(String url, String token, Duration duration) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long interval = 1_000_000_000L / RATE;
        long begin = System.nanoTime();
        long count = duration.toSeconds() * RATE;
        for (long i = 0; i < count; i++) {
            long planned = begin + i * interval;
            LockSupport.parkNanos(planned - System.nanoTime());
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 200) {
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
    private static List<HouseholdEvent> story(String h) {
        String first17 = "15072419780312002";
        List<HouseholdEvent> events = new ArrayList<>(List.of(
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

    private void send(HouseholdEvent event, OffsetDateTime at) {
        EventEnvelope fresh = Envelopes.of(event, CADRE, UUID.randomUUID().toString());
        EventEnvelope envelope = new EventEnvelope(fresh.id(), fresh.source(), fresh.type(), fresh.subject(), at,
                fresh.regionCode(), CADRE, fresh.correlationId(), event, null);
        kafka.send(EventCatalog.forClass(event.getClass()).orElseThrow().topic(), event.householdId(),
                Envelopes.encode(envelope));
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

    private long entries() {
        return jdbc.sql("SELECT count(*) FROM timeline_entry").query(Long.class).single();
    }

    private long statuses() {
        return jdbc.sql("SELECT count(*) FROM household_status").query(Long.class).single();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Path gatewayJar() {
        return Path.of("..", "gateway", "target", "gateway-0.1.0-SNAPSHOT-exec.jar").toAbsolutePath().normalize();
    }
}
