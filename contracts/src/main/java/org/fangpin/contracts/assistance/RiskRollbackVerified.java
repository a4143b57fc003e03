package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 风险回退乡镇审核 — the township agreed with the rollback proposal; the county approves next. */
public record RiskRollbackVerified(String householdId, String regionCode, LocalDate verifiedOn)
        implements HouseholdEvent {
}
