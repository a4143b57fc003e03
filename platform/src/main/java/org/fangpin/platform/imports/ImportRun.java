package org.fangpin.platform.imports;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An import batch as a client follows it ({@code GET .../imports/{id}}): its state, the rows of its file counted so
 * far and, once it ended, the service's report ({@code DONE}) or why the file was refused whole ({@code REFUSED}) or
 * the import stopped ({@code FAILED}).
 *
 * @param state        {@code QUEUED}, {@code VALIDATING}, {@code WRITING}, {@code DONE}, {@code REFUSED},
 *                     {@code FAILED}, or {@code INTERRUPTED} when the replica running it stopped answering
 * @param rowsWritten  rows written, or found written by an earlier import
 */
public record ImportRun(UUID id, String fileName, String state, int rowsTotal, int rowsValidated, int rowsWritten,
                        int rowsRefused, Instant acceptedAt, Instant finishedAt, JsonNode report, Problem problem) {

    /** Why a file was refused whole or the import stopped: the stable code and the reason in Chinese. */
    public record Problem(String code, String detail) {
    }

    public boolean finished() {
        return finishedAt != null;
    }
}
