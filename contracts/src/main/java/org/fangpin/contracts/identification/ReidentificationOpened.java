package org.fangpin.contracts.identification;

import java.time.LocalDate;
import java.util.List;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.contracts.value.RiskType;

/**
 * 风险再标注 — a household whose risk was eliminated shows a new and different risk: a new identification case
 * opens on it. Distinct from a rollback (风险消除回退), which assistance-service owns.
 *
 * @param channel   how the new risk was found ({@code CADRE_VISIT} when assistance-service's look-back (回头看)
 *                  found it)
 * @param riskTypes the new risk types as reported; empty when a lead named none
 */
public record ReidentificationOpened(String householdId, String regionCode, String leadId, LeadChannel channel,
                                     List<RiskType> riskTypes, String reason, LocalDate reportedOn,
                                     LocalDate verificationDueOn, LocalDate decisionDueOn) implements HouseholdEvent {

    public ReidentificationOpened {
        riskTypes = riskTypes == null ? List.of() : List.copyOf(riskTypes);
    }
}
