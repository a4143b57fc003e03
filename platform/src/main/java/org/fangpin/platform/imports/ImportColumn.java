package org.fangpin.platform.imports;

import java.util.List;

/**
 * A column of an import file, implemented by each service's enum of its columns: the English name and the names the
 * national system's exports and the townships' spreadsheets give it (the first one is the label messages use).
 */
public interface ImportColumn {

    /** The column's names and whether the header must name it (a row may still leave it empty where its rules allow). */
    record Names(String english, boolean required, List<String> chinese) {

        public Names(String english, boolean required, String... chinese) {
            this(english, required, List.of(chinese));
        }
    }

    Names names();

    default String english() {
        return names().english();
    }

    default List<String> chinese() {
        return names().chinese();
    }

    default boolean required() {
        return names().required();
    }

    /** The name an error message gives the column: its first Chinese name. */
    default String label() {
        return chinese().get(0);
    }
}
