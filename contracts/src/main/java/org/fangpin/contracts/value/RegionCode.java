package org.fangpin.contracts.value;

import java.util.regex.Pattern;

/**
 * A statistical division code (统计用区划代码): 6 digits for a county, 9 for a township, 12 for a village.
 * Jurisdiction is a prefix: a county user acts on every village code that starts with the county's 6 digits.
 */
public record RegionCode(String value) {

    /**
     * A region prefix a query may name, for {@code @Pattern}: a province (2 digits), prefecture (4), county (6),
     * township (9) or village (12).
     */
    public static final String PREFIX = "\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}";

    private static final Pattern DIGITS = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

    public RegionCode {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("region code must have 6, 9 or 12 digits: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && DIGITS.matcher(value).matches();
    }

    public static boolean isVillage(String value) {
        return value != null && value.length() == 12 && isValid(value);
    }

    /** Whether {@code other} lies within this region (a village within its township, a township within its county). */
    public boolean contains(String other) {
        return other != null && other.startsWith(value);
    }

    public String county() {
        return value.substring(0, 6);
    }

    @Override
    public String toString() {
        return value;
    }
}
