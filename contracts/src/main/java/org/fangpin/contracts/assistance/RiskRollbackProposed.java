package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 风险回退申请 — look-back (回头看) found the elimination unstable; the village proposes a rollback. */
public record RiskRollbackProposed(String householdId, String regionCode, String reason, LocalDate proposedOn)
        implements HouseholdEvent {
}
