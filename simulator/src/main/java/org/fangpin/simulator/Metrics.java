package org.fangpin.simulator;

import java.io.PrintStream;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Per operation: successes, errors, latency histogram, the span from its first start to its last end. */
final class Metrics {

    private final Map<String, Operation> operations = new ConcurrentHashMap<>();

    static final class Operation {
        final String name;
        final Histogram latencyMicros = new ConcurrentHistogram(60_000_000L, 3);
        final AtomicLong ok = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        /** 429s answered by waiting and sending again (the gateway's per-user rate limit) */
        final AtomicLong rateLimited = new AtomicLong();
        /** refusals expected while an event is on its way (e.g. an elimination before the month's record arrived) */
        final AtomicLong waitedFor = new AtomicLong();
        final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
        final Queue<String> errorSamples = new ConcurrentLinkedQueue<>();

        Operation(String name) {
            this.name = name;
        }
    }

    Operation operation(String name) {
        return operations.computeIfAbsent(name, Operation::new);
    }

    void record(String name, long startNanos, long endNanos, boolean success, String error) {
        Operation operation = operation(name);
        operation.firstStart.accumulateAndGet(startNanos, Math::min);
        operation.lastEnd.accumulateAndGet(endNanos, Math::max);
        if (success) {
            operation.ok.incrementAndGet();
            operation.latencyMicros.recordValue(Math.min((endNanos - startNanos) / 1_000, 60_000_000L));
        } else {
            operation.errors.incrementAndGet();
            if (operation.errorSamples.size() < 3) {
                operation.errorSamples.add(error);
            }
        }
    }

    long totalOk() {
        return operations.values().stream().mapToLong(operation -> operation.ok.get()).sum();
    }

    long totalErrors() {
        return operations.values().stream().mapToLong(operation -> operation.errors.get()).sum();
    }

    void print(PrintStream out) {
        out.printf("%-34s %8s %7s %6s %7s %9s %9s %9s%n", "operation", "count", "errors", "429s", "waited", "per s",
                "p50 ms", "p99 ms");
        operations.values().stream().sorted((a, b) -> Long.compare(a.firstStart.get(), b.firstStart.get()))
                .forEach(operation -> {
                    long ok = operation.ok.get();
                    double seconds = Math.max(1e-3, (operation.lastEnd.get() - operation.firstStart.get()) / 1e9);
                    out.printf("%-34s %8d %7d %6d %7d %9.1f %9.1f %9.1f%n", operation.name, ok,
                            operation.errors.get(), operation.rateLimited.get(), operation.waitedFor.get(),
                            ok / seconds, operation.latencyMicros.getValueAtPercentile(50) / 1e3,
                            operation.latencyMicros.getValueAtPercentile(99) / 1e3);
                });
        operations.values().forEach(operation -> operation.errorSamples
                .forEach(sample -> out.printf("  error %s: %s%n", operation.name, sample)));
    }
}
