package org.fangpin.platform.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fangpin.platform.web.Problems;
import org.fangpin.platform.web.RuleViolation;

/** The rows an import refused, counted into its progress as they are found, reported in the order of their lines. */
public final class ImportRefusals {

    private final List<ImportRefusal> refused = new ArrayList<>();
    private final Problems problems;
    private final ImportProgress progress;

    public ImportRefusals(Problems problems, ImportProgress progress) {
        this.problems = problems;
        this.progress = progress;
    }

    public void add(int line, RuleViolation violation) {
        refused.add(ImportRefusal.of(line, violation, problems));
        progress.refused(1);
    }

    public int count() {
        return refused.size();
    }

    /** The first {@code max} refusals by line. */
    public List<ImportRefusal> listed(int max) {
        refused.sort(Comparator.comparingInt(ImportRefusal::line));
        return List.copyOf(refused.subList(0, Math.min(refused.size(), max)));
    }
}
