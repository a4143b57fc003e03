package org.fangpin.identification.command;

import java.time.LocalDate;

import org.fangpin.contracts.identification.PolicyThresholds;

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
}
