package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.LeadChannel;

/**
 * 线索上报 — a lead about a household came in through one of the discovery channels and opened an identification
 * case, with its due dates from the policy of the household's region.
 *
 * @param verificationDueOn 入户核实时限; null in events recorded before deadlines existed
 * @param decisionDueOn     识别认定时限 (discovery to county decision); null in events recorded before deadlines existed
 */
public record LeadReported(String householdId, String regionCode, String leadId, LeadChannel channel,
                           String description, LocalDate reportedOn, LocalDate verificationDueOn,
                           LocalDate decisionDueOn) implements HouseholdEvent {

    public LeadReported(String householdId, String regionCode, String leadId, LeadChannel channel,
                        String description, LocalDate reportedOn) {
        this(householdId, regionCode, leadId, channel, description, reportedOn, null, null);
    }
}
