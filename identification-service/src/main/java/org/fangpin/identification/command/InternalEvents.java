package org.fangpin.identification.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;

/**
 * Facts the household's decisions depend on, kept in its own history and not published: those from other services
 * (their owners published them already) and what a decision was judged by.
 */
public final class InternalEvents {

    private InternalEvents() {
    }

    /** assistance-service eliminated the household's risk: a new risk now opens a re-identification. */
    public record RiskEliminationNoted(String householdId, LocalDate eliminatedOn) {
    }

    /** assistance-service rolled the elimination back: the household's risk is not eliminated again. */
    public record RiskRollbackNoted(String householdId, LocalDate rolledBackOn) {
    }

    /**
     * The thresholds a county decision was made under, recorded with it so that the case screen keeps showing the
     * criteria as they were judged, whatever later corrections of the policy say. Not published: consumers get the
     * decision, and the monitoring line, in the decision's own event.
     */
    public record DecisionThresholdsRecorded(String householdId, String leadId, String policyRegionPrefix,
                                             int policyYear, PolicyThresholds thresholds) {
    }

    /**
     * 补录说明: a county step dated further back than the policy allows without a note, and the county approver's
     * note why; recorded beside the step so that the case history shows it.
     */
    public record BackdatingNoted(String householdId, String leadId, LocalDate decidedOn, LocalDate recordedOn,
                                  String note) {
    }

    /**
     * 存量导入: the household's identification was taken from the county's existing register (decided on
     * {@code identifiedOn}, before the county went live); the published {@code HouseholdIdentified} follows it. Kept so
     * that the case screen shows an identification without case steps and says where it came from.
     */
    public record IdentificationImported(String householdId, String regionCode, String leadId, ObjectType objectType,
                                         List<RiskType> riskTypes, LabourCapacity labourCapacity,
                                         BigDecimal perCapitaNetIncome, LocalDate identifiedOn) {
    }
}
