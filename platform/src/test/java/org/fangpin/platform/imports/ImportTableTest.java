package org.fangpin.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.fangpin.platform.web.RuleViolation;
import org.fangpin.testsupport.Xlsx;

class ImportTableTest {

    enum Column implements ImportColumn {
        ID("headIdNumber", true, "户主证件号码"),
        MONTH("month", true, "监测年月"),
        DAY("recordedOn", false, "走访日期"),
        FLAG("employmentUnstable", false, "务工不稳定");

        private final Names names;

        Column(String english, boolean required, String... chinese) {
            this.names = new Names(english, required, chinese);
        }

        @Override
        public Names names() {
            return names;
        }
    }

    @Test
    void aSpreadsheetsCsvReadsByItsChineseOrEnglishHeaderInUtf8OrGbk() {
        String csv = "监测年月,headIdNumber,走访日期,务工不稳定\n2024年3月,\"1507,24\",2024/3/18,是\n\n202404,x,20240420,否\n";

        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
            List<ImportLine<Column>> lines = ImportTable.parse(csv.getBytes(charset), Column.class);

            assertThat(lines).extracting(ImportLine::number).containsExactly(2, 4);
            assertThat(lines.get(0).get(Column.ID)).isEqualTo("1507,24");
            assertThat(lines.get(0).month(Column.MONTH)).isEqualTo(YearMonth.of(2024, 3));
            assertThat(lines.get(1).month(Column.MONTH)).isEqualTo(YearMonth.of(2024, 4));
            assertThat(lines.get(0).day(Column.DAY)).isEqualTo(LocalDate.of(2024, 3, 18));
            assertThat(lines.get(0).yes(Column.FLAG)).isTrue();
            assertThat(lines.get(1).yes(Column.FLAG)).isFalse();
        }
    }

    @Test
    void aSpreadsheetReadsLikeItsCsvWithItsDateCellsAsDays() {
        byte[] workbook = Xlsx.of(List.of(List.of("监测年月", "headIdNumber", "走访日期", "务工不稳定"),
                List.of("2024年3月", "1507,24", "45369", "是"), List.of("", "", "", ""),
                List.of("45383", "x", "20240420", "否")));

        List<ImportLine<Column>> lines = ImportTable.parse(workbook, Column.class);

        assertThat(lines).extracting(ImportLine::number).containsExactly(2, 4);
        assertThat(lines.get(0).get(Column.ID)).isEqualTo("1507,24");
        assertThat(lines.get(0).month(Column.MONTH)).isEqualTo(YearMonth.of(2024, 3));
        assertThat(lines.get(1).month(Column.MONTH)).isEqualTo(YearMonth.of(2024, 4));
        assertThat(lines.get(0).day(Column.DAY)).isEqualTo(LocalDate.of(2024, 3, 18));
        assertThat(lines.get(0).yes(Column.FLAG)).isTrue();
    }

    @Test
    void aZipThatIsNoWorkbookOrASheetBeyondTheLimitsIsRefusedWithItsCode() {
        assertThatThrownBy(() -> ImportTable.parse(new byte[] {'P', 'K', 3, 4, 0, 0}, Column.class))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("IMPORT_FILE_UNREADABLE");
        assertThatThrownBy(() -> ImportTable.parse(Xlsx.sheet("<row r=\"1\"><c r=\"IW1\"><v>1</v></c></row>", null),
                Column.class)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("IMPORT_FILE_TOO_MANY_COLUMNS [1, 256]");
    }

    @Test
    void aValueThatDoesNotReadIsRefusedNamingItsColumn() {
        ImportLine<Column> line = ImportTable.parse("监测年月,户主证件号码\n2024-13,\n".getBytes(StandardCharsets.UTF_8),
                Column.class).get(0);

        assertThatThrownBy(() -> line.month(Column.MONTH)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("IMPORT_VALUE_INVALID");
        assertThatThrownBy(() -> line.required(Column.ID)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("IMPORT_VALUE_MISSING");
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedWhole() {
        assertThatThrownBy(() -> ImportTable.parse("监测年月\n2024-03\n".getBytes(StandardCharsets.UTF_8), Column.class))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("IMPORT_COLUMNS_MISSING");
    }
}
