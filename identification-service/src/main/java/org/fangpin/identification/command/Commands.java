package org.fangpin.identification.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;

/** The commands of the identification procedure, one per step of the work plans. */
public final class Commands {

    private Commands() {
    }

    /** 户登记 */
    public record RegisterHouseholdCommand(@TargetAggregateIdentifier String householdId, String regionCode,
                                           Integer villageGroup, String headName, String headIdNumber,
                                           HouseholdCategory category, int memberCount) {
    }

    /** 线索上报 */
    public record ReportLeadCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                    LeadChannel channel, String description, LocalDate reportedOn) {
    }

    /** 入户核实 */
    public record RecordVerificationCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                            BigDecimal perCapitaNetIncome, LabourCapacity labourCapacity,
                                            String collector, boolean householdConfirmed, LocalDate verifiedOn) {
    }

    /**
     * 县级审定: identify the household as a monitoring object.
     *
     * @param monitoringLine the monitoring income line of the household's region and year (policy data)
     */
    public record IdentifyAtCountyCommand(@TargetAggregateIdentifier String householdId, String leadId,
                                          ObjectType objectType, List<RiskType> riskTypes,
                                          BigDecimal monitoringLine, LocalDate identifiedOn) {
    }
}
