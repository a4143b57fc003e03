package org.fangpin.platform.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The day a step of the procedure happened (its business date), as the user entered it, beside the day it is
 * recorded: steps done on paper are entered afterwards (补录). One way to read such a day for every service: today
 * when none is given, never a day to come ({@code DATE_IN_FUTURE}); the services' rules then say which earlier step
 * it may not precede and, with the policy's {@code backdatingDaysWithoutNote}, when it needs a note saying why it
 * is recorded only now. Which code a refusal carries is the caller's: each procedure names its own rule.
 *
 * @param on              the day the step happened
 * @param recordedOn      the day it is recorded
 * @param daysWithoutNote the policy's allowance; {@code null} where the policy sets none (no limit)
 * @param note            why the step is recorded late (补录说明); {@code null} when none is given
 */
public record BusinessDay(LocalDate on, LocalDate recordedOn, Integer daysWithoutNote, String note) {

    /** The day as entered: today when absent; a day to come is refused (422 {@code DATE_IN_FUTURE}). */
    public static LocalDate happenedOn(LocalDate given, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (given != null && given.isAfter(today)) {
            throw RuleViolation.of("DATE_IN_FUTURE", given);
        }
        return given == null ? today : given;
    }

    /** A step as entered, with the policy's allowance and the note given, if any. */
    public static BusinessDay entered(LocalDate given, Clock clock, Integer daysWithoutNote, String note) {
        return new BusinessDay(happenedOn(given, clock), LocalDate.now(clock), daysWithoutNote,
                note == null || note.isBlank() ? null : note.strip());
    }

    /** A step taken on the day it is recorded, e.g. by the system itself: it needs no note. */
    public static BusinessDay today(LocalDate today) {
        return new BusinessDay(today, today, null, null);
    }

    /** How many days before its recording the step happened. */
    public long daysBack() {
        return ChronoUnit.DAYS.between(on, recordedOn);
    }

    /** The note to keep beside the step: given, and the step dated in the past; {@code null} otherwise. */
    public String keptNote() {
        return note != null && !note.isBlank() && on.isBefore(recordedOn) ? note.strip() : null;
    }

    /** Refused with {@code code} (args: this day, the earlier step's day) when dated before the earlier step. */
    public void requireNotBefore(LocalDate earlierStep, String code) {
        if (earlierStep != null && on.isBefore(earlierStep)) {
            throw RuleViolation.of(code, on, earlierStep);
        }
    }

    /**
     * Refused with {@code code} (args: days back, the allowance) when dated more than the policy's allowance before
     * its recording without a note: a step cannot quietly be moved into the past.
     */
    public void requireNoteBeyondAllowance(String code) {
        if (daysWithoutNote != null && daysBack() > daysWithoutNote && (note == null || note.isBlank())) {
            throw RuleViolation.of(code, daysBack(), daysWithoutNote);
        }
    }
}
