package org.fangpin.contracts.value;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A resident identity card number (公民身份号码) as GB 11643-1999 defines it: 6 digits of address code, 8 of birth
 * date, 3 of sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumber() {
    }

    /** Whether the text is an 18-character ID number with a valid birth date and check character. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        if (Character.toUpperCase(text.charAt(17)) != CHECK[sum % 11]) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(text.substring(6, 10)), Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The check character the first 17 digits call for; used to build valid test and demo numbers. */
    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /**
     * The number with all but the address code and the check character hidden: {@code 150724***********X}. The
     * birth date and the sequence number stay hidden, so neither the person's birthday nor, with it, the whole
     * number can be recovered from what a masked view shows.
     */
    public static String mask(String text) {
        if (text == null || text.length() < 10) {
            return text == null ? null : "*".repeat(text.length());
        }
        return text.substring(0, 6) + "*".repeat(text.length() - 7) + text.substring(text.length() - 1);
    }
}
