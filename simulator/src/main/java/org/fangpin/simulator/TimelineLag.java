package org.fangpin.simulator;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The lag from a write's commit (its answer) to its appearance on the household's timeline, for a sample of the
 * writes: a free prober reads the timeline every {@value #POLL_MILLIS} ms until the event is there. A write comes
 * only to a prober that is free at once (never queued, which would add the queue's wait to the lag).
 */
final class TimelineLag implements AutoCloseable {

    private static final long POLL_MILLIS = 250;
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final Api api;
    private final List<Api.User> readers;
    private final int every;
    private final ThreadPoolExecutor probers;
    private final Histogram lagMillis = new ConcurrentHistogram(3_600_000L, 3);
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong next = new AtomicLong();

    /**
     * @param readers one per prober: each stays within the gateway's per-user rate (20 requests a second) by
     *                polling every {@value #POLL_MILLIS} ms
     * @param every   one write in {@code every} is offered
     */
    TimelineLag(Api api, List<Api.User> readers, int every) {
        this.api = api;
        this.readers = readers;
        this.every = every;
        this.probers = new ThreadPoolExecutor(readers.size(), readers.size(), 1, TimeUnit.MINUTES,
                new SynchronousQueue<>(), new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Offers a write that has just been answered.
     *
     * @param type      the event's short type, e.g. MonthlyMonitoringRecorded
     * @param atLeast   how many events of that type the timeline shows once this one is there
     */
    void offer(String householdId, String type, int atLeast, long answeredAtNanos) {
        if (offered.incrementAndGet() % every != 0) {
            return;
        }
        try {
            probers.execute(() -> probe(householdId, type, atLeast, answeredAtNanos));
        } catch (RejectedExecutionException busy) {
            missed.incrementAndGet();
        }
    }

    private void probe(String householdId, String type, int atLeast, long answeredAtNanos) {
        Api.User reader = readers.get((int) (next.getAndIncrement() % readers.size()));
        String suffix = "." + type + ".v1";
        while (System.nanoTime() - answeredAtNanos < PATIENCE_NANOS) {
            try {
                JsonNode timeline = api.find("timeline read (lag probe)", reader,
                        "/api/households/" + householdId + "/timeline");
                int seen = 0;
                for (JsonNode entry : timeline.path("entries")) {
                    if (entry.path("type").asText().endsWith(suffix)) {
                        seen++;
                    }
                }
                if (seen >= atLeast) {
                    lagMillis.recordValue(Math.max(0, (System.nanoTime() - answeredAtNanos) / 1_000_000));
                    return;
                }
            } catch (Api.Failure failed) {
                // counted under the read's operation
            }
            Api.pause(POLL_MILLIS);
        }
        timedOut.incrementAndGet();
    }

    void print(PrintStream out) {
        out.printf("commit -> timeline lag: %d sampled (1 write in %d offered, %d skipped while the probers were "
                        + "busy, %d not seen within 120 s): p50 %d ms, p90 %d ms, p99 %d ms, max %d ms "
                        + "(polled every %d ms)%n", lagMillis.getTotalCount(), every, missed.get(), timedOut.get(),
                lagMillis.getValueAtPercentile(50), lagMillis.getValueAtPercentile(90),
                lagMillis.getValueAtPercentile(99), lagMillis.getMaxValue(), POLL_MILLIS);
    }

    @Override
    public void close() throws InterruptedException {
        probers.shutdown();
        probers.awaitTermination(150, TimeUnit.SECONDS);
    }
}
