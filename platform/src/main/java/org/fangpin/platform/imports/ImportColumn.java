package org.fangpin.platform.imports;

import java.util.List;

/**
 * A column of an import file, implemented by each service's enum of its columns: the English name and the names the
 * national system's exports and the townships' spreadsheets give it (the first one is the label messages use).
 */
public interface ImportColumn {

    String english();

    List<String> chinese();

    /** Whether the header must name it (a row may still leave it empty where its rules allow). */
    boolean required();

    /** The name an error message gives the column: its first Chinese name. */
    default String label() {
        return chinese().get(0);
    }
}
