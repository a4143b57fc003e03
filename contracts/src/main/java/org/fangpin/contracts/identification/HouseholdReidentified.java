package org.fangpin.contracts.identification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;

/**
 * 风险再标注认定 — the county identified a household whose risk had been eliminated again, for its new risk: it is a
 * monitoring object with risk not eliminated once more. Not a rollback: the old risk stays eliminated.
 */
public record HouseholdReidentified(String householdId, String regionCode, String leadId, ObjectType objectType,
                                    List<RiskType> riskTypes, LabourCapacity labourCapacity,
                                    BigDecimal perCapitaNetIncome, BigDecimal monitoringLine,
                                    LocalDate reidentifiedOn) implements HouseholdEvent {
}
