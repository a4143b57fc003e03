package org.fangpin.simulator;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Each service's CPU and heap during the run, read every two seconds from its Prometheus endpoint (the management
 * endpoints the services and the gateway answer on their own ports): {@code process_cpu_usage} (the JVM's share of
 * the whole machine) and the sum of {@code jvm_memory_used_bytes{area="heap"}}.
 */
final class ServiceProbe implements AutoCloseable {

    private static final class Samples {
        double cpuSum;
        double cpuMax;
        double heapSum;
        double heapMax;
        int count;
        int failures;
    }

    private final Map<String, String> endpoints;
    private final Map<String, Samples> samples = new LinkedHashMap<>();
    private final HttpClient http;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "service-probe");
        thread.setDaemon(true);
        return thread;
    });

    /** @param endpoints service name to its base URL (http://127.0.0.1:8081) */
    ServiceProbe(Map<String, String> endpoints, HttpClient http) {
        this.endpoints = endpoints;
        this.http = http;
        endpoints.keySet().forEach(name -> samples.put(name, new Samples()));
    }

    ServiceProbe start() {
        timer.scheduleAtFixedRate(this::sample, 0, 2, TimeUnit.SECONDS);
        return this;
    }

    private void sample() {
        endpoints.forEach((name, base) -> {
            Samples service = samples.get(name);
            try {
                String text = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                double cpu = 0;
                double heap = 0;
                for (String line : text.split("\n")) {
                    if (line.startsWith("process_cpu_usage")) {
                        cpu = value(line);
                    } else if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                        heap += value(line);
                    }
                }
                synchronized (service) {
                    service.cpuSum += cpu;
                    service.cpuMax = Math.max(service.cpuMax, cpu);
                    service.heapSum += heap;
                    service.heapMax = Math.max(service.heapMax, heap);
                    service.count++;
                }
            } catch (Exception e) {
                synchronized (service) {
                    service.failures++;
                }
            }
        });
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    void print(PrintStream out) {
        out.printf("%-24s %8s %10s %10s %12s %12s %8s%n", "service", "samples", "CPU mean", "CPU max",
                "heap mean MB", "heap max MB", "missed");
        samples.forEach((name, service) -> {
            synchronized (service) {
                int count = Math.max(1, service.count);
                out.printf("%-24s %8d %9.1f%% %9.1f%% %12.0f %12.0f %8d%n", name, service.count,
                        100 * service.cpuSum / count, 100 * service.cpuMax, service.heapSum / count / 1e6,
                        service.heapMax / 1e6, service.failures);
            }
        });
        out.println("(CPU as a share of the whole machine, process_cpu_usage; heap = used, all heap pools)");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
