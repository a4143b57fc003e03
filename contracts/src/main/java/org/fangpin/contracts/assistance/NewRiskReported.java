package org.fangpin.contracts.assistance;

import java.time.LocalDate;
import java.util.List;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.RiskType;

/**
 * 风险再标注线索 — after elimination, a new and different risk appeared: identification-service opens a
 * re-identification case. Distinct from a rollback ({@link RiskRolledBack}), which reopens the old case.
 */
public record NewRiskReported(String householdId, String regionCode, List<RiskType> riskTypes, String reason,
                              LocalDate reportedOn) implements HouseholdEvent {
}
