package org.fangpin.platform.actor;

import java.util.Map;

/**
 * Where a write came from when it was not entered by hand: an import of existing records names its file and row
 * beside the actor who ran it (the importer). Carried from the command into the metadata of every event it causes,
 * like the actor.
 */
public final class Provenance {

    public static final String IMPORT_SOURCE = "importSource";
    public static final String IMPORT_ROW = "importRow";

    private Provenance() {
    }

    /** The metadata of a write made from row {@code row} (1 = the first data row) of the file {@code source}. */
    public static Map<String, Object> imported(String source, long row) {
        return Map.of(IMPORT_SOURCE, source, IMPORT_ROW, row);
    }
}
