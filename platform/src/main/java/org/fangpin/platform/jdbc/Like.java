package org.fangpin.platform.jdbc;

/**
 * Values bound into a SQL {@code LIKE}: a caller's text is matched as text, never as a pattern, so a {@code %} or
 * {@code _} in it cannot widen what a query reaches (PostgreSQL's default escape character, the backslash).
 */
public final class Like {

    private Like() {
    }

    /** The pattern of the values that start with {@code prefix}: {@code region_code LIKE :pattern}. */
    public static String startsWith(String prefix) {
        return escape(prefix) + "%";
    }

    /** The pattern of the values that contain {@code text}. */
    public static String contains(String text) {
        return "%" + escape(text) + "%";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
