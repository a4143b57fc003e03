package org.fangpin.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.fangpin.testsupport.Infrastructure;
import org.fangpin.testsupport.RealInfrastructureExtension;
import org.fangpin.testsupport.ServiceProcess;

/**
 * The soak (R8): a mixed load at a steady rate through the gateway for a while (default 100 requests/s for
 * 10 minutes; {@code -Dsoak.rate=}, {@code -Dsoak.minutes=}), open-loop, so a slow answer does not slow the load: a
 * village's reads (household, timeline, monitoring, assistance, worklist), monthly records and measures of monitored
 * households, and new registrations, each user within the gateway's per-user rate. It prints, per endpoint, the
 * requests, errors and p50/p99, and each process's heap after a full GC at the start and at the end. Outside the test
 * suite: {@code mvn -B verify -Psoak -pl system-tests}.
 */
@ExtendWith(RealInfrastructureExtension.class)
class Soak {

    private static final String VILLAGE = "150724213201";
    private static final int OFFICERS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(32)).build();
    private static final Pattern HEAP_USED = Pattern.compile("jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)");

    private static Infrastructure infrastructure;
    private static RunningSystem system;

    private final Map<String, List<Long>> micros = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<String> officers = new ArrayList<>();

    @BeforeAll
    static void start(Infrastructure given) {
        infrastructure = given;
        system = RunningSystem.start(infrastructure, infrastructure.tokens().issuer(),
                infrastructure.tokens().jwksUri(), "soak").awaitHealthy();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aMixedLoadAtASteadyRate() throws Exception {
        int rate = Integer.getInteger("soak.rate", 100);
        Duration length = Duration.ofMinutes(Integer.getInteger("soak.minutes", 10));
        for (int i = 0; i < OFFICERS; i++) {
            officers.add(infrastructure.tokens().token("soak-officer-" + i, "村干部" + i, List.of("VILLAGE_OFFICER"),
                    VILLAGE, length.plusMinutes(30)));
        }
        SteadyLoad procedure = SteadyLoad.start(system, infrastructure.tokens(), 2);
        Thread.sleep(Duration.ofSeconds(60).toMillis());
        procedure.stop();
        List<String> monitored = procedure.households();
        Map<String, Long> heapAtStart = heapsAfterGc();

        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        pacer.scheduleAtFixedRate(() -> {
            sent.incrementAndGet();
            oneRequest(monitored);
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(length.toMillis());
        pacer.shutdownNow();
        Thread.sleep(Duration.ofSeconds(30).toMillis());
        Map<String, Long> heapAtEnd = heapsAfterGc();

        System.out.println(report(rate, length, sent.get(), monitored.size(), heapAtStart, heapAtEnd));
    }

    private void oneRequest(List<String> monitored) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String officer = officers.get(random.nextInt(officers.size()));
        String household = monitored.get(random.nextInt(monitored.size()));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int pick = random.nextInt(100);
        if (pick < 15) {
            get("GET /api/households/{id}", officer, "/api/households/" + household);
        } else if (pick < 30) {
            get("GET /api/households/{id}/timeline", officer, "/api/households/" + household + "/timeline");
        } else if (pick < 42) {
            get("GET /api/monitoring/{id}", officer, "/api/monitoring/" + household);
        } else if (pick < 54) {
            get("GET /api/assistance/{id}", officer, "/api/assistance/" + household);
        } else if (pick < 62) {
            get("GET /api/assistance/overdue-measures", officer, "/api/assistance/overdue-measures");
        } else if (pick < 82) {
            post("POST /api/monitoring/{id}/records", officer, "/api/monitoring/" + household + "/records",
                    Map.of("month", YearMonth.from(today).toString(), "perCapitaNetIncome",
                            String.valueOf(7000 + random.nextInt(3000)), "contactMethod", "HOME_VISIT"));
        } else if (pick < 92) {
            post("POST /api/assistance/{id}/measures", officer, "/api/assistance/" + household + "/measures",
                    Map.of("measureType", "EMPLOYMENT", "description", "推荐到旗内企业务工", "riskTypes",
                            List.of("ILLNESS"), "department", "人社局", "responsiblePerson", "包银花",
                            "dueDate", today.plusDays(30).toString()));
        } else {
            post("POST /api/households", officer, "/api/households", Map.of("regionCode", VILLAGE,
                    "villageGroup", 1, "headName", "测试户主", "headIdNumber", SteadyLoad.newIdNumber(),
                    "category", "GENERAL", "memberCount", 2));
        }
    }

    private void get(String endpoint, String token, String path) {
        send(endpoint, HttpRequest.newBuilder(URI.create(system.gateway().baseUrl() + path))
                .header("Authorization", "Bearer " + token).GET());
    }

    private void post(String endpoint, String token, String path, Map<String, ?> body) {
        try {
            send(endpoint, HttpRequest.newBuilder(URI.create(system.gateway().baseUrl() + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String endpoint, HttpRequest.Builder request) {
        long started = System.nanoTime();
        HTTP.sendAsync(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    micros.computeIfAbsent(endpoint, e -> Collections.synchronizedList(new ArrayList<>()))
                            .add((System.nanoTime() - started) / 1_000);
                    if (failure != null || response.statusCode() >= 400) {
                        errors.computeIfAbsent(endpoint + " " + (failure != null ? failure.getClass().getSimpleName()
                                : response.statusCode()), e -> new AtomicLong()).incrementAndGet();
                    }
                });
    }

    /** Each process's heap after a full collection (jcmd GC.run), as its own metrics report it. */
    private static Map<String, Long> heapsAfterGc() throws IOException, InterruptedException {
        Map<String, Long> heaps = new TreeMap<>();
        List<ServiceProcess> processes = new ArrayList<>();
        RunningSystem.SERVICES.forEach(service -> processes.addAll(system.replicas(service)));
        processes.add(system.gateway());
        for (ServiceProcess process : processes) {
            new ProcessBuilder("jcmd", String.valueOf(process.pid()), "GC.run").redirectErrorStream(true).start()
                    .waitFor(30, TimeUnit.SECONDS);
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(process.baseUrl() + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher used = HEAP_USED.matcher(metrics.body());
            double bytes = 0;
            while (used.find()) {
                bytes += Double.parseDouble(used.group(1));
            }
            heaps.put(process.name(), (long) bytes);
        }
        return heaps;
    }

    private String report(int rate, Duration length, long sent, int monitored, Map<String, Long> heapAtStart,
                          Map<String, Long> heapAtEnd) {
        StringBuilder report = new StringBuilder(String.format(
                "%nSoak: %d requests/s asked for %s, %d sent, %d monitored households%n%n"
                        + "| endpoint | requests | errors | p50 ms | p99 ms |%n|---|---|---|---|---|%n",
                rate, length, sent, monitored));
        new TreeMap<>(micros).forEach((endpoint, samples) -> {
            List<Long> sorted;
            synchronized (samples) {
                sorted = new ArrayList<>(samples);
            }
            Collections.sort(sorted);
            long failed = errors.entrySet().stream().filter(e -> e.getKey().startsWith(endpoint + " "))
                    .mapToLong(e -> e.getValue().get()).sum();
            report.append(String.format("| %s | %d | %d | %.1f | %.1f |%n", endpoint, sorted.size(), failed,
                    percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.99) / 1000.0));
        });
        report.append(String.format("%nErrors: %s%n%n| process | heap after GC at start (MB) | at end (MB) |%n"
                + "|---|---|---|%n", new TreeMap<>(errors)));
        heapAtStart.forEach((process, bytes) -> report.append(String.format("| %s | %.1f | %.1f |%n", process,
                bytes / 1e6, heapAtEnd.getOrDefault(process, 0L) / 1e6)));
        return report.toString();
    }

    private static long percentile(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0
                : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
    }
}
