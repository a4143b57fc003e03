package org.fangpin.platform.imports;

/**
 * A service's import of existing records from a file (存量导入, docs/decisions/0035): run by the current actor, it
 * counts its rows into the progress as it goes and answers with its report (counts and refused rows). A file refused
 * whole throws a {@code RuleViolation}.
 */
public interface FileImport {

    /** Refuses a file whose header lacks a required column before it is accepted ({@code IMPORT_COLUMNS_MISSING}). */
    void checkHeader(byte[] content);

    Object importFile(String fileName, byte[] content, ImportProgress progress);
}
