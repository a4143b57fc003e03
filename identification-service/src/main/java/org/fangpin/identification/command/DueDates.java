package org.fangpin.identification.command;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.fangpin.contracts.identification.PolicyThresholds;

/**
 * The due dates of a case opened on a day, from the policy of its region and year. Working days skip Saturdays and
 * Sundays; public holidays are not known to the system, so a case opened before a holiday may show as overdue a day
 * or two early.
 */
public record DueDates(LocalDate verificationDueOn, LocalDate decisionDueOn) {

    public static DueDates of(LocalDate openedOn, PolicyThresholds policy) {
        LocalDate verification = openedOn;
        for (int left = policy.verificationDueWorkingDays(); left > 0; ) {
            verification = verification.plusDays(1);
            if (verification.getDayOfWeek() != DayOfWeek.SATURDAY && verification.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return new DueDates(verification, openedOn.plusDays(policy.identificationDueDays()));
    }
}
