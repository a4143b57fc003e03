package org.fangpin.platform.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fangpin.platform.web.RuleViolation;

/**
 * An import file as it reads: its header names the columns (by any of their names, see {@link ImportColumn}), each
 * later line is a row. CSV in UTF-8 (with or without BOM) or GBK, as spreadsheets save it; fields may be quoted
 * ("" for a quote). A file without a required column is refused whole ({@code IMPORT_COLUMNS_MISSING}).
 */
public final class ImportTable {

    private ImportTable() {
    }

    public static <C extends Enum<C> & ImportColumn> List<ImportLine<C>> parse(byte[] content, Class<C> columns) {
        return lines(records(decode(content)), columns);
    }

    /** The rows of a header and its records (each a list of cells), blank rows left out. */
    static <C extends Enum<C> & ImportColumn> List<ImportLine<C>> lines(List<List<String>> records,
                                                                          Class<C> columns) {
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            throw RuleViolation.of("IMPORT_FILE_EMPTY");
        }
        Map<Integer, C> byIndex = header(records.get(0), columns);
        List<ImportLine<C>> lines = new ArrayList<>(records.size());
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                continue;
            }
            Map<C, String> values = new EnumMap<>(columns);
            byIndex.forEach((index, column) -> {
                if (index < record.size() && record.get(index) != null) {
                    values.put(column, record.get(index));
                }
            });
            lines.add(new ImportLine<>(i + 1, values));
        }
        return lines;
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

    /** UTF-8 when the bytes are valid UTF-8 (a BOM dropped), else GBK, the encoding spreadsheets save CSV in here. */
    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            try {
                return Charset.forName("GBK").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException neither) {
                throw RuleViolation.of("IMPORT_FILE_CHARSET");
            }
        }
    }

    /** RFC 4180 records: commas between fields, quotes around a field that holds commas, quotes or line breaks. */
    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
