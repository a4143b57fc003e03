package org.fangpin.timeline.web;

/**
 * Cells of the CSV exports. A cell is quoted as RFC 4180 asks, and one that a spreadsheet could read as a formula
 * is defused (OWASP, CSV injection): a value beginning with {@code =}, {@code +}, {@code -}, {@code @}, a TAB or a
 * carriage return gets a leading {@code '}, so Excel and WPS show it as text and never run it.
 */
final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("(?s).*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
