package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.WarningLevel;

/** 预警未按时响应 — a warning got no response within the policy's days; flagged once. */
public record WarningResponseOverdue(String householdId, String regionCode, String warningId, WarningLevel level,
                                     LocalDate raisedOn, LocalDate dueOn, LocalDate flaggedOn)
        implements HouseholdEvent {
}
