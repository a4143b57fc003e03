package org.fangpin.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Finds personal data (ID numbers, names) in log files: the logs of a run must hold none (DESIGN.md §3). */
final class PersonalDataInLogs {

    private PersonalDataInLogs() {
    }

    /** Each occurrence as {@code file:line: value}, in file and line order. */
    static List<String> find(Collection<Path> logs, Collection<String> personalData) {
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            List<String> lines = lines(log);
            for (int i = 0; i < lines.size(); i++) {
                for (String value : personalData) {
                    if (lines.get(i).contains(value)) {
                        found.add(log + ":" + (i + 1) + ": " + value);
                    }
                }
            }
        }
        return found;
    }

    private static List<String> lines(Path log) {
        try {
            // a log cut in the middle of a character must still be read
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
