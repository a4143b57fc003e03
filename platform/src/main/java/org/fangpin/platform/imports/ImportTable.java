package org.fangpin.platform.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fangpin.platform.tabular.CsvRows;
import org.fangpin.platform.tabular.Rows;
import org.fangpin.platform.tabular.TabularLimits;
import org.fangpin.platform.tabular.XlsxRows;
import org.fangpin.platform.web.RuleViolation;

/**
 * An import file as it reads: its header names the columns (by any of their names, see {@link ImportColumn}), each
 * later row is a line. CSV in UTF-8 (with or without BOM) or GBK, as spreadsheets save it, or the first sheet of an
 * XLSX workbook (recognised as a zip), both read by the platform's {@link Rows} within {@link TabularLimits} (codes
 * {@code IMPORT_FILE_...}). A file without a required column is refused whole ({@code IMPORT_COLUMNS_MISSING}).
 */
public final class ImportTable {

    private static final TabularLimits LIMITS = new TabularLimits("IMPORT_FILE", null, null, null);

    private ImportTable() {
    }

    public static <C extends Enum<C> & ImportColumn> List<ImportLine<C>> parse(byte[] content, Class<C> columns) {
        return read(content, rows -> lines(rows, columns));
    }

    /** Reads the header alone: refuses the file, as {@link #parse} would, when it lacks a required column. */
    public static <C extends Enum<C> & ImportColumn> void checkHeader(byte[] content, Class<C> columns) {
        read(content, rows -> header(headerRow(rows).cells(), columns));
    }

    private interface Reading<T> {
        T from(Rows rows) throws IOException;
    }

    private static <T> T read(byte[] content, Reading<T> reading) {
        try {
            if (isZip(content)) {
                Path spooled = Files.createTempFile(LIMITS.spoolDirectory(), "fangpin-import-", ".xlsx");
                try {
                    Files.write(spooled, content);
                    try (Rows rows = new XlsxRows(spooled, LIMITS)) {
                        return reading.from(rows);
                    }
                } finally {
                    Files.deleteIfExists(spooled);
                }
            }
            try (Rows rows = new CsvRows(new ByteArrayInputStream(content), charset(content), LIMITS)) {
                return reading.from(rows);
            }
        } catch (IOException e) {
            throw Rows.refusal(e).orElseGet(() -> RuleViolation.of("IMPORT_FILE_UNREADABLE"));
        }
    }

    /** A zip's local file header: an XLSX workbook. */
    private static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** The header's row and the rows after it, blank rows left out, each with its line in the file. */
    private static <C extends Enum<C> & ImportColumn> List<ImportLine<C>> lines(Rows rows, Class<C> columns)
            throws IOException {
        Map<Integer, C> byIndex = header(headerRow(rows).cells(), columns);
        List<ImportLine<C>> lines = new ArrayList<>();
        for (Rows.Row row = rows.next(); row != null; row = rows.next()) {
            List<String> cells = row.cells();
            if (cells.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                continue;
            }
            Map<C, String> values = new EnumMap<>(columns);
            byIndex.forEach((index, column) -> {
                if (index < cells.size() && cells.get(index) != null) {
                    values.put(column, cells.get(index));
                }
            });
            lines.add(new ImportLine<>(Math.toIntExact(row.lineNo()), values));
        }
        return lines;
    }

    private static Rows.Row headerRow(Rows rows) throws IOException {
        Rows.Row header = rows.next();
        if (header == null || header.cells().stream().allMatch(String::isBlank)) {
            throw RuleViolation.of("IMPORT_FILE_EMPTY");
        }
        return header;
    }

    private static <C extends Enum<C> & ImportColumn> Map<Integer, C> header(List<String> names, Class<C> columns) {
        Map<String, C> known = new HashMap<>();
        for (C column : columns.getEnumConstants()) {
            known.put(column.english().toLowerCase(Locale.ROOT), column);
            for (String chinese : column.chinese()) {
                known.put(chinese, column);
            }
        }
        Map<Integer, C> byIndex = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).strip();
            C column = known.getOrDefault(name, known.get(name.toLowerCase(Locale.ROOT)));
            if (column != null && !byIndex.containsValue(column)) {
                byIndex.put(i, column);
            }
        }
        List<String> missing = new ArrayList<>();
        for (C column : columns.getEnumConstants()) {
            if (column.required() && !byIndex.containsValue(column)) {
                missing.add(column.label() + "（" + column.english() + "）");
            }
        }
        if (!missing.isEmpty()) {
            throw RuleViolation.of("IMPORT_COLUMNS_MISSING", String.join("、", missing));
        }
        return byIndex;
    }

    /** UTF-8 when the bytes are valid UTF-8, else GBK, the encoding spreadsheets save CSV in here. */
    private static Charset charset(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            Charset gbk = Charset.forName("GBK");
            try {
                gbk.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
                return gbk;
            } catch (CharacterCodingException neither) {
                throw RuleViolation.of("IMPORT_FILE_CHARSET");
            }
        }
    }
}
