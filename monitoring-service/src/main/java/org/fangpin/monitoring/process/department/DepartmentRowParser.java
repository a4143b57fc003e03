package org.fangpin.monitoring.process.department;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.fangpin.contracts.value.Department;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.monitoring.command.Indicator;
import org.fangpin.platform.tabular.Rows;

/**
 * Reads the header of a department file and judges each row: a valid row becomes a {@link StagedRow}, any other
 * a {@link Rejected} with the reason a clerk can act on. The columns are found by name, in Chinese or English,
 * in any order; other columns (姓名, 备注, ...) are ignored.
 * <p>
 * Columns: 身份证号 / idNumber and 户编号 / householdId (at least one per row), 指标 / indicator (the
 * indicator's code or Chinese name), 数值 / value (yuan, required for amounts), 日期 / reportedOn.
 */
final class DepartmentRowParser {

    private static final Pattern HOUSEHOLD_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DATE = Pattern.compile("\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}");
    private static final Pattern COMPACT_DATE = Pattern.compile("\\d{8}");
    private static final Pattern EXCEL_DATE = Pattern.compile("\\d{5}(\\.0+)?");
    private static final Pattern DATE_SEPARATOR = Pattern.compile("[-/]");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Map<String, String> COLUMN_NAMES = Map.of(
            "身份证号", "idNumber", "户编号", "householdId", "指标", "indicator", "数值", "value", "日期", "reportedOn");

    private final Department department;
    private final Map<String, Indicator> indicators = new HashMap<>();
    private final int idNumber;
    private final int householdId;
    private final int indicator;
    private final int value;
    private final int reportedOn;

    sealed interface Outcome permits StagedRow, Rejected {
    }

    /** @param fen the amount in fen (hundredths of a yuan), {@code null} for a status indicator */
    record StagedRow(long lineNo, String idNumber, String householdId, Indicator indicator, Long fen,
                     LocalDate reportedOn) implements Outcome {
    }

    record Rejected(long lineNo, String reason) implements Outcome {
    }

    /** The header lacks a column every row needs. */
    static final class MissingColumns extends Exception {
        MissingColumns(String columns) {
            super(columns);
        }
    }

    DepartmentRowParser(Department department, List<String> header) throws MissingColumns {
        this.department = department;
        for (Indicator known : Indicator.values()) {
            indicators.put(known.name(), known);
            indicators.put(known.chineseName(), known);
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            columns.putIfAbsent(COLUMN_NAMES.getOrDefault(name, name), i);
        }
        idNumber = columns.getOrDefault("idNumber", -1);
        householdId = columns.getOrDefault("householdId", -1);
        indicator = columns.getOrDefault("indicator", -1);
        value = columns.getOrDefault("value", -1);
        reportedOn = columns.getOrDefault("reportedOn", -1);
        // The columns' English names, which the refusal names in either language beside the Chinese ones.
        List<String> missing = new ArrayList<>();
        if (idNumber < 0 && householdId < 0) {
            missing.add("idNumber/householdId");
        }
        if (indicator < 0) {
            missing.add("indicator");
        }
        if (reportedOn < 0) {
            missing.add("reportedOn");
        }
        if (!missing.isEmpty()) {
            throw new MissingColumns(String.join(", ", missing));
        }
    }

    Outcome parse(Rows.Row row) {
        List<String> cells = row.cells();
        String id = cell(cells, idNumber).toUpperCase(Locale.ROOT);
        String household = cell(cells, householdId);
        if (id.isEmpty() && household.isEmpty()) {
            return new Rejected(row.lineNo(), "缺少身份证号或户编号");
        }
        if (!id.isEmpty() && !IdNumber.isValid(id)) {
            return new Rejected(row.lineNo(), "身份证号校验不通过");
        }
        if (!household.isEmpty() && !HOUSEHOLD_ID.matcher(household).matches()) {
            return new Rejected(row.lineNo(), "户编号格式不正确");
        }
        Indicator reported = indicators.get(cell(cells, indicator));
        if (reported == null) {
            return new Rejected(row.lineNo(), "未知指标“" + abbreviate(cell(cells, indicator)) + "”");
        }
        if (reported.department() != department) {
            return new Rejected(row.lineNo(), "指标“" + reported.chineseName() + "”不属于"
                    + department.chineseName());
        }
        String amount = cell(cells, value);
        if (amount.indexOf(',') >= 0) {
            amount = amount.replace(",", "");
        }
        long fen = reported.isAmount() ? fen(amount) : 0;
        if (fen < 0) {
            return new Rejected(row.lineNo(), "数值不是有效金额（元，最多两位小数）");
        }
        LocalDate date = date(cell(cells, reportedOn));
        if (date == null) {
            return new Rejected(row.lineNo(), "日期格式不正确（应为 2024-07-15）");
        }
        return new StagedRow(row.lineNo(), id.isEmpty() ? null : id, household.isEmpty() ? null : household,
                reported, reported.isAmount() ? fen : null, date);
    }

    private static String cell(List<String> cells, int column) {
        return column < 0 || column >= cells.size() ? "" : cells.get(column).trim();
    }

    /**
     * Yuan with at most two decimals (up to 12 whole digits) in fen, or -1 when the text is not such an amount. Read
     * by hand: it runs for every row.
     */
    private static long fen(String text) {
        int point = text.indexOf('.');
        int whole = point < 0 ? text.length() : point;
        int decimals = point < 0 ? 0 : text.length() - point - 1;
        if (whole == 0 || whole > 12 || (point >= 0 && (decimals < 1 || decimals > 2))) {
            return -1;
        }
        long fen = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i == point) {
                continue;
            }
            if (c < '0' || c > '9') {
                return -1;
            }
            fen = fen * 10 + (c - '0');
        }
        return decimals == 2 ? fen : decimals == 1 ? fen * 10 : fen * 100;
    }

    /** ISO dates (the common case parsed by hand), 2024/07/15, 20240715, or an Excel date serial number. */
    private static LocalDate date(String text) {
        try {
            if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
                return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            }
            if (DATE.matcher(text).matches()) {
                String[] parts = DATE_SEPARATOR.split(text);
                return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
            if (COMPACT_DATE.matcher(text).matches()) {
                return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
                        Integer.parseInt(text.substring(6)));
            }
            if (EXCEL_DATE.matcher(text).matches()) {
                return EXCEL_EPOCH.plusDays(Long.parseLong(text.substring(0, 5)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /** The number written in text[from, to), or -1 when a character is not a digit (then LocalDate refuses it). */
    private static int digits(String text, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
