package org.fangpin.contracts.assistance;

import java.util.List;

import org.fangpin.contracts.EventCatalog.Entry;

/** The events assistance-service publishes on {@code fangpin.assistance.v1}. */
public final class AssistanceEvents {

    public static final List<Entry> PUBLISHED = List.of(
            new Entry(AssistanceCaseOpened.class, "assistance", 1),
            new Entry(RiskEliminated.class, "assistance", 1),
            new Entry(RiskRolledBack.class, "assistance", 1),
            new Entry(NewRiskReported.class, "assistance", 1),
            new Entry(MeasureAdded.class, "assistance", 1),
            new Entry(MeasureUpdated.class, "assistance", 1),
            new Entry(MeasureOverdue.class, "assistance", 1),
            new Entry(GradualExitStarted.class, "assistance", 1),
            new Entry(GradualExitCompleted.class, "assistance", 1),
            new Entry(WarningResponded.class, "assistance", 1),
            new Entry(WarningResponseOverdue.class, "assistance", 1),
            new Entry(DevelopmentalAssistanceVillageConfirmed.class, "assistance", 1),
            new Entry(DevelopmentalAssistanceConfirmed.class, "assistance", 1),
            new Entry(SafetyNetHouseholdProposed.class, "assistance", 1),
            new Entry(SafetyNetHouseholdDesignated.class, "assistance", 1),
            new Entry(RiskEliminationProposed.class, "assistance", 1),
            new Entry(RiskEliminationVerified.class, "assistance", 1),
            new Entry(RiskEliminationReturned.class, "assistance", 1),
            new Entry(RiskRollbackProposed.class, "assistance", 1),
            new Entry(RiskRollbackVerified.class, "assistance", 1),
            new Entry(RiskRollbackReturned.class, "assistance", 1),
            new Entry(AssistanceCaseClosed.class, "assistance", 1));

    private AssistanceEvents() {
    }
}
