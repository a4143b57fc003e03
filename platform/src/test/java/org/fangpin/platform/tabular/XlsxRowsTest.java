package org.fangpin.platform.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import org.fangpin.testsupport.Xlsx;
import org.fangpin.platform.web.RuleViolation;

/** Spreadsheets an export would not write, each read within its limits or refused with a stable code. */
class XlsxRowsTest {

    private static final TabularLimits.Xlsx LIMITS = new TabularLimits.Xlsx(5, 16, 10, 200L,
            DataSize.ofMegabytes(1));

    @TempDir
    Path directory;

    @Test
    void rowsAndCellsWithoutReferencesArePlacedByTheirOrder() throws IOException {
        List<Rows.Row> rows = read(Xlsx.sheet("""
                <row><c t="inlineStr"><is><t>户编号</t></is></c><c t="inlineStr"><is><t>指标</t></is></c></row>
                <row><c t="inlineStr"><is><t>hh-1</t></is></c><c t="s"><v>0</v></c></row>
                <row r="7"><c r="B7" t="s"><v>1</v></c></row>
                <row><c><v>45536</v></c></row>""", "<si><t>纳入低保</t></si><si><t>纳入特困供养</t></si>"), LIMITS);

        assertThat(rows).containsExactly(new Rows.Row(1, List.of("户编号", "指标")),
                new Rows.Row(2, List.of("hh-1", "纳入低保")), new Rows.Row(7, List.of("", "纳入特困供养")),
                new Rows.Row(8, List.of("45536")));
    }

    @Test
    void aZipBombStopsAtTheUnpackedLimit() {
        byte[] bomb = Xlsx.bomb(64);
        assertThat(bomb.length).as("the file itself is small").isLessThan(256 * 1024);

        assertRefused(bomb, "DEPARTMENT_FILE_UNCOMPRESSED_TOO_LARGE", 1L);
    }

    @Test
    void aColumnBeyondTheLimitIsRefusedBeforeAnyCellIsPaddedToIt() {
        assertRefused(Xlsx.sheet("<row r=\"1\"><c r=\"XFDXFD1\" t=\"inlineStr\"><is><t>x</t></is></c></row>", null),
                "DEPARTMENT_FILE_TOO_MANY_COLUMNS", 1L, 16);
        assertRefused(Xlsx.sheet("<row r=\"1\"><c r=\"Q1\"><v>1</v></c></row>", null),
                "DEPARTMENT_FILE_TOO_MANY_COLUMNS", 1L, 16);
    }

    @Test
    void moreRowsThanTheLimitAreRefused() {
        assertRefused(Xlsx.sheet("<row><c><v>1</v></c></row>".repeat(6), null), "DEPARTMENT_FILE_TOO_MANY_ROWS", 5);
    }

    @Test
    void sharedStringsBeyondTheirCountOrTheirLengthAreRefused() {
        assertRefused(Xlsx.sheet("", "<si><t>x</t></si>".repeat(11)), "DEPARTMENT_FILE_SHARED_STRINGS_LIMIT", 10,
                200L);
        assertRefused(Xlsx.sheet("", "<si><t>" + "长".repeat(201) + "</t></si>"),
                "DEPARTMENT_FILE_SHARED_STRINGS_LIMIT", 10, 200L);
    }

    @Test
    void aSharedStringThatIsNotThereOrACellLongerThanExcelAllowsMakesTheFileUnreadable() {
        assertThatThrownBy(() -> read(Xlsx.sheet("<row><c t=\"s\"><v>3</v></c></row>", "<si><t>x</t></si>"),
                LIMITS)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read(Xlsx.sheet("<row><c t=\"inlineStr\"><is><t>" + "x".repeat(32_768)
                + "</t></is></c></row>", null), new TabularLimits.Xlsx(5, 16, 10, 200L,
                DataSize.ofMegabytes(1)))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read(Xlsx.sheet("<row r=\"x\"><c><v>1</v></c></row>", null), LIMITS))
                .isInstanceOf(IOException.class);
    }

    private void assertRefused(byte[] workbook, String code, Object... args) {
        assertThatThrownBy(() -> read(workbook, LIMITS)).satisfies(thrown -> {
            RuleViolation refused = Rows.refusal(thrown).orElseThrow();
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.args()).containsExactly(args);
        });
    }

    private List<Rows.Row> read(byte[] workbook, TabularLimits.Xlsx limits) throws IOException {
        Path file = Files.write(directory.resolve("upload.xlsx"), workbook);
        List<Rows.Row> rows = new ArrayList<>();
        try (XlsxRows xlsx = new XlsxRows(file, new TabularLimits("DEPARTMENT_FILE", directory, null, limits))) {
            for (Rows.Row row = xlsx.next(); row != null; row = xlsx.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
