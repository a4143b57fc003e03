package org.fangpin.timeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A cell of an export is text in a spreadsheet, never a formula (OWASP, CSV injection). */
class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"})
    void aCellThatASpreadsheetWouldRunIsDefused(String value) {
        String cell = CsvCells.cell(value);

        String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        assertThat(unquoted).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "户登记：户主图雅|户登记：户主图雅",
            "150724213201|150724213201",
            "a,b|\"a,b\"",
            "说\"明\"|\"说\"\"明\"\"\""})
    void otherCellsAreWrittenAsTheyAreQuotedWhereRfc4180AsksIt(String value, String cell) {
        assertThat(CsvCells.cell(value)).isEqualTo(cell);
    }
}
