package org.fangpin.platform.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import org.fangpin.platform.web.RuleViolation;

class CsvRowsTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void linesEndInLfCrLfOrCrAndBlankLinesAreSkippedButCounted() throws IOException {
        List<Rows.Row> rows = read("身份证号,姓名\r\na,敖其尔\r\n\r\n  \nb,巴特尔\rc,朝鲁", StandardCharsets.UTF_8);

        assertThat(rows).containsExactly(new Rows.Row(1, List.of("身份证号", "姓名")),
                new Rows.Row(2, List.of("a", "敖其尔")), new Rows.Row(5, List.of("b", "巴特尔")),
                new Rows.Row(6, List.of("c", "朝鲁")));
    }

    @Test
    void theByteOrderMarkIsSkippedAndCellsAreTrimmed() throws IOException {
        List<Rows.Row> rows = read("\uFEFF身份证号 , 指标\n 1 ,2\n", StandardCharsets.UTF_8);

        assertThat(rows).extracting(Rows.Row::cells).containsExactly(List.of("身份证号", "指标"), List.of("1", "2"));
    }

    @Test
    void quotedCellsKeepTheirCommasQuotesAndLineBreaksAndTheRowKeepsItsFirstLine() throws IOException {
        List<Rows.Row> rows = read("a,\"9,200.50\",\"说\"\"明\"\nb,\"两\n行\"\nc,d", StandardCharsets.UTF_8);

        assertThat(rows).containsExactly(new Rows.Row(1, List.of("a", "9,200.50", "说\"明")),
                new Rows.Row(2, List.of("b", "两\n行")), new Rows.Row(4, List.of("c", "d")));
    }

    @Test
    void aQuoteLeftOpenRefusesTheFileAtTheLimitOrMakesItUnreadableAtItsEnd() {
        String rest = "c,d\n".repeat(40_000);

        assertThatThrownBy(() -> read("a,b\nb,\"open\n" + rest, StandardCharsets.UTF_8, DataSize.ofKilobytes(64)))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> {
                    assertThat(refused.code()).isEqualTo("IMPORT_FILE_LINE_TOO_LONG");
                    assertThat(refused.args()).containsExactly(2L, 64L);
                });
        assertThatThrownBy(() -> read("a,b\nb,\"open\nc,d", StandardCharsets.UTF_8))
                .isInstanceOf(IOException.class);
    }

    @Test
    void gbkFilesAreReadAndLinesLongerThanTheBufferAreWhole() throws IOException {
        String longCell = "长".repeat(50_000);
        List<Rows.Row> rows = read("指标,数值\n" + longCell + ",1\n医疗自付费用,2", GBK);

        assertThat(rows).extracting(Rows.Row::cells).containsExactly(List.of("指标", "数值"), List.of(longCell, "1"),
                List.of("医疗自付费用", "2"));
    }

    @Test
    void onlyCharsetsWritingTheDelimitersAsAsciiBytesAreSupported() {
        assertThat(CsvRows.supports(StandardCharsets.UTF_8)).isTrue();
        assertThat(CsvRows.supports(GBK)).isTrue();
        assertThat(CsvRows.supports(StandardCharsets.UTF_16)).isFalse();
    }

    @Test
    void aLineLongerThanTheLimitRefusesTheFileInsteadOfGrowingWithoutEnd() {
        String oneLine = "a," + ",".repeat(200_000);

        assertThatThrownBy(() -> read("身份证号,指标\n" + oneLine, StandardCharsets.UTF_8,
                new TabularLimits("DEPARTMENT_FILE", null, DataSize.ofKilobytes(64), null)))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> {
                    assertThat(refused.code()).isEqualTo("DEPARTMENT_FILE_LINE_TOO_LONG");
                    assertThat(refused.args()).containsExactly(2L, 64L);
                });
    }

    private static List<Rows.Row> read(String text, Charset charset) throws IOException {
        return read(text, charset, DataSize.ofMegabytes(1));
    }

    private static List<Rows.Row> read(String text, Charset charset, DataSize maxLineLength) throws IOException {
        return read(text, charset, new TabularLimits(null, null, maxLineLength, null));
    }

    private static List<Rows.Row> read(String text, Charset charset, TabularLimits limits) throws IOException {
        List<Rows.Row> rows = new ArrayList<>();
        try (CsvRows csv = new CsvRows(new ByteArrayInputStream(text.getBytes(charset)), charset, limits)) {
            for (Rows.Row row = csv.next(); row != null; row = csv.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
