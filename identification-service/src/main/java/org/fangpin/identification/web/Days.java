package org.fangpin.identification.web;

import java.time.Clock;
import java.time.LocalDate;

import org.fangpin.platform.web.RuleViolation;

/**
 * The day a step happened as the user entered it: records are often entered after the visit or meeting (信息采集录入
 * follows 入户排查), so a past day is accepted; today when none is given; never a day to come.
 */
final class Days {

    private Days() {
    }

    static LocalDate happenedOn(LocalDate given, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (given != null && given.isAfter(today)) {
            throw RuleViolation.of("DATE_IN_FUTURE", given);
        }
        return given == null ? today : given;
    }
}
