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
}
