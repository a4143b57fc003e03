package org.fangpin.contracts.envelope;

/**
 * Where an imported event came from (ADR 0035): the file of existing records and its line (the header being line 1).
 * Carried in the CloudEvents extensions {@code importsource} and {@code importrow}; absent on events recorded live
 * and on every event published before provenance was.
 *
 * @param row the line, or {@code null} when only the file is known
 */
public record ImportProvenance(String source, Long row) {
}
