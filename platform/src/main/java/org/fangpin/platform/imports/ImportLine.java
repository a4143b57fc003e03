package org.fangpin.platform.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fangpin.platform.web.RuleViolation;

/**
 * A data line of an import file: its line number (the header is line 1) and its values by column, read as the
 * spreadsheets here write them. A value that does not read is refused with {@code IMPORT_VALUE_MISSING} or
 * {@code IMPORT_VALUE_INVALID}, naming the column in Chinese.
 */
public record ImportLine<C extends ImportColumn>(int number, Map<C, String> values) {

    private static final List<DateTimeFormatter> DAYS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*(?:[-/.年]\\s*)?(\\d{1,2})\\s*月?");
    /** A day as a spreadsheet stores a cell formatted as a date: days since 1899-12-30, a time as the fraction. */
    private static final Pattern EXCEL_SERIAL = Pattern.compile("(\\d{5})(?:\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** The value, stripped; {@code null} when empty or absent. */
    public String get(C column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean has(C column) {
        return get(column) != null;
    }

    public String required(C column) {
        String value = get(column);
        if (value == null) {
            throw RuleViolation.of("IMPORT_VALUE_MISSING", column.label());
        }
        return value;
    }

    public int number(C column, int min, int max) {
        String value = required(column);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(column, value);
    }

    /** Yuan, not negative, at most two decimals; thousands separators allowed. */
    public BigDecimal amount(C column) {
        String value = required(column).replace(",", "").replace("，", "");
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() >= 0 && amount.scale() <= 2 && amount.precision() - amount.scale() <= 10) {
                return amount.setScale(2);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(column, value);
    }

    /** A day: 2024-03-18, 2024/3/18, 20240318, 2024.3.18, 2024年3月18日 or a spreadsheet's date cell. */
    public LocalDate day(C column) {
        String value = required(column);
        LocalDate serial = excelDay(value);
        if (serial != null) {
            return serial;
        }
        for (DateTimeFormatter format : DAYS) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        throw invalid(column, value);
    }

    /** A month: 2024-03, 2024/3, 202403, 2024年3月 or a spreadsheet's date cell. */
    public YearMonth month(C column) {
        String value = required(column);
        LocalDate serial = excelDay(value);
        if (serial != null) {
            return YearMonth.from(serial);
        }
        Matcher matcher = MONTH.matcher(value);
        if (matcher.matches()) {
            int month = Integer.parseInt(matcher.group(2));
            if (month >= 1 && month <= 12) {
                return YearMonth.of(Integer.parseInt(matcher.group(1)), month);
            }
        }
        throw invalid(column, value);
    }

    /** 是 or 否 (also 1/0, Y/N, true/false); empty reads as no. */
    public boolean yes(C column) {
        String value = get(column);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "是", "1", "y", "yes", "true" -> true;
            case "否", "0", "n", "no", "false" -> false;
            default -> throw invalid(column, value);
        };
    }

    /** A value by its Chinese name (as the national system writes it) or its code. */
    public <E extends Enum<E>> E named(C column, E[] values, Function<E, String> chinese) {
        return named(column, required(column), values, chinese);
    }

    /** One of several values of a cell (separated by 、，,；; or spaces) by its Chinese name or its code. */
    public <E extends Enum<E>> E named(C column, String value, E[] values, Function<E, String> chinese) {
        return Arrays.stream(values).filter(e -> chinese.apply(e).equals(value) || e.name().equalsIgnoreCase(value))
                .findFirst().orElseThrow(() -> invalid(column, value));
    }

    /** The parts of a cell holding several values, separated by 、，,；; | or spaces; empty when the cell is. */
    public List<String> parts(C column) {
        String value = get(column);
        return value == null ? List.of()
                : Arrays.stream(value.split("[、，,；;\\s|]+")).filter(part -> !part.isBlank()).toList();
    }

    /** The day of a spreadsheet's date cell (five digits: days since 1899-12-30, 1927 to 2173), else null. */
    private static LocalDate excelDay(String value) {
        Matcher matcher = EXCEL_SERIAL.matcher(value);
        if (!matcher.matches()) {
            return null;
        }
        int days = Integer.parseInt(matcher.group(1));
        return days >= 1 ? EXCEL_EPOCH.plusDays(days) : null;
    }

    public static RuleViolation invalid(ImportColumn column, String value) {
        return RuleViolation.of("IMPORT_VALUE_INVALID", column.label(), value);
    }
}
