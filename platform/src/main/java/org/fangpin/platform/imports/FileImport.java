package org.fangpin.platform.imports;

/**
 * A service's import of existing records from a file (存量导入, docs/decisions/0035): run by the current actor, it
 * answers with its report (counts and refused rows). A file refused whole throws a {@code RuleViolation}.
 */
public interface FileImport {

    Object importFile(String fileName, byte[] content);
}
