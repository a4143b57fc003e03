package org.fangpin.platform.imports;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a running import is, counted in rows of its file: read ({@code total}), judged on their own
 * ({@code validated}), done ({@code written}: written now or found written before) and refused. The import counts,
 * others read: the batch's status ({@link ImportRuns}) and the command line's progress lines.
 */
public final class ImportProgress {

    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger validated = new AtomicInteger();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean writing;

    /** What was counted at one moment. */
    public record Counts(int total, int validated, int written, int refused, boolean writing) {
    }

    public void total(int rows) {
        total.set(rows);
    }

    public void validated(int rows) {
        validated.addAndGet(rows);
    }

    /** Every row is judged; writing starts. */
    public void writing() {
        validated.set(total.get());
        writing = true;
    }

    public void written(int rows) {
        written.addAndGet(rows);
    }

    public void refused(int rows) {
        refused.addAndGet(rows);
    }

    public Counts counts() {
        return new Counts(total.get(), validated.get(), written.get(), refused.get(), writing);
    }
}
