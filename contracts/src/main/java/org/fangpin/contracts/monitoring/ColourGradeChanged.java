package org.fangpin.contracts.monitoring;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.ColourGrade;

/**
 * 三色管理等级调整 — the red/yellow/green grade of a 脱贫户 under monitoring was set or changed.
 *
 * @param from   the grade before; {@code null} for the first grading
 * @param reason why the new grade, in Chinese
 */
public record ColourGradeChanged(String householdId, String regionCode, ColourGrade from, ColourGrade to,
                                 String reason, LocalDate changedOn) implements HouseholdEvent {
}
