package org.fangpin.identification.process;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fangpin.platform.web.RuleViolation;

/**
 * A CSV file of the county's existing register as it reads: its header names the columns (as the national
 * monitoring system's exports name them, or the English names of docs/decisions/0035), each later line one
 * household. UTF-8 (with or without BOM) or GBK, as spreadsheets save it; fields may be quoted ("" for a quote).
 */
final class ImportFile {

    /** The columns, by their English name, with the names the national system's exports and spreadsheets use. */
    enum Column {
        REGION_CODE("regionCode", true, "行政区划代码", "村级区划代码", "区划代码"),
        VILLAGE_GROUP("villageGroup", false, "村民小组", "组"),
        HEAD_NAME("headName", true, "户主姓名"),
        HEAD_ID_NUMBER("headIdNumber", true, "户主证件号码", "户主身份证号"),
        MEMBER_COUNT("memberCount", true, "家庭人口数", "人数"),
        CATEGORY("category", true, "户类型", "农户类型"),
        LABOUR_CAPACITY("labourCapacity", false, "劳动能力", "户主劳动能力", "劳动技能"),
        OBJECT_TYPE("objectType", false, "监测对象类别", "监测对象类型"),
        RISK_TYPES("riskTypes", false, "风险类型", "致贫返贫风险"),
        IDENTIFIED_ON("identifiedOn", false, "识别监测时间", "识别时间"),
        PER_CAPITA_NET_INCOME("perCapitaNetIncome", false, "人均纯收入", "家庭人均纯收入"),
        // One person a row, as the national system exports household members: the head's row (与户主关系 户主 or
        // empty) carries the household, each other member's row names its head by 户主证件号码.
        RELATION("relation", false, "与户主关系"),
        MEMBER_NAME("memberName", false, "成员姓名", "姓名"),
        MEMBER_ID_NUMBER("memberIdNumber", false, "成员证件号码", "证件号码", "身份证号码"),
        BIRTH_DATE("birthDate", false, "出生日期"),
        HEALTH("health", false, "健康状况"),
        SCHOOLING("schooling", false, "在校生状况", "在校生情况"),
        EMPLOYMENT("employment", false, "务工状况", "务工情况");

        final String english;
        final boolean required;
        final String[] chinese;

        Column(String english, boolean required, String... chinese) {
            this.english = english;
            this.required = required;
            this.chinese = chinese;
        }

        /** The name an error message gives the column: its first Chinese name. */
        String label() {
            return chinese[0];
        }
    }

    /** A data line of the file: its line number (the header is line 1) and its values by column. */
    record Line(int number, Map<Column, String> values) {

        /** The value, stripped; {@code null} when empty or absent. */
        String get(Column column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private final List<Line> lines;

    private ImportFile(List<Line> lines) {
        this.lines = lines;
    }

    List<Line> lines() {
        return lines;
    }

    static ImportFile parse(byte[] content) {
        String text = decode(content);
        List<List<String>> records = records(text);
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            throw RuleViolation.of("IMPORT_FILE_EMPTY");
        }
        Map<Integer, Column> byIndex = header(records.get(0));
        List<Line> lines = new ArrayList<>(records.size());
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<Column, String> values = new HashMap<>();
            byIndex.forEach((index, column) -> {
                if (index < record.size()) {
                    values.put(column, record.get(index));
                }
            });
            lines.add(new Line(i + 1, values));
        }
        return new ImportFile(lines);
    }

    private static Map<Integer, Column> header(List<String> names) {
        Map<String, Column> known = new HashMap<>();
        for (Column column : Column.values()) {
            known.put(column.english.toLowerCase(Locale.ROOT), column);
            for (String chinese : column.chinese) {
                known.put(chinese, column);
            }
        }
        Map<Integer, Column> byIndex = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            Column column = known.getOrDefault(name, known.get(name.toLowerCase(Locale.ROOT)));
            if (column != null && !byIndex.containsValue(column)) {
                byIndex.put(i, column);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.required && !byIndex.containsValue(column)) {
                missing.add(column.label() + "（" + column.english + "）");
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
