package org.fangpin.contracts.identification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.RigidExpenditure;

/**
 * 入户核实 — the home verification was recorded, signed by the collector and confirmed by the household (双签字).
 * Income and expenditures are those of the 12 months before the verification.
 *
 * @param rigidExpenditures 刚性支出 by kind, yuan; empty in events recorded before they were asked for
 * @param guaranteeGaps     the guarantees (两不愁三保障, 饮水安全) found not secure; empty when all are secure
 */
public record HouseholdVerified(String householdId, String regionCode, String leadId, BigDecimal perCapitaNetIncome,
                                LabourCapacity labourCapacity, String collector, boolean householdConfirmed,
                                LocalDate verifiedOn, Map<RigidExpenditure, BigDecimal> rigidExpenditures,
                                List<Guarantee> guaranteeGaps) implements HouseholdEvent {

    public HouseholdVerified {
        rigidExpenditures = rigidExpenditures == null ? Map.of() : Map.copyOf(rigidExpenditures);
        guaranteeGaps = guaranteeGaps == null ? List.of() : List.copyOf(guaranteeGaps);
    }

    public HouseholdVerified(String householdId, String regionCode, String leadId, BigDecimal perCapitaNetIncome,
                             LabourCapacity labourCapacity, String collector, boolean householdConfirmed,
                             LocalDate verifiedOn) {
        this(householdId, regionCode, leadId, perCapitaNetIncome, labourCapacity, collector, householdConfirmed,
                verifiedOn, Map.of(), List.of());
    }
}
