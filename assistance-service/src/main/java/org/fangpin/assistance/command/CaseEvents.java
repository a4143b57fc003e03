package org.fangpin.assistance.command;

import java.time.LocalDate;

import org.fangpin.contracts.value.WarningLevel;

/** Events the case keeps for itself: monitoring's warnings as the case sees them. They are not published. */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** A monitoring warning attached to the case; {@code lookBack} when the risk was already eliminated. */
    public record WarningAttached(String householdId, String regionCode, String warningId, WarningLevel level,
                                  String rule, String reason, LocalDate raisedOn, boolean lookBack) {
    }

    /** A change of level; an escalated warning waits for a new response from the day it escalated. */
    public record WarningLevelNoted(String householdId, String warningId, WarningLevel level, boolean escalated,
                                    LocalDate changedOn) {
    }

    public record WarningClosed(String householdId, String warningId, LocalDate closedOn) {
    }
}
