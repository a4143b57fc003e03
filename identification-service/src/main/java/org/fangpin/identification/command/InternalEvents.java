package org.fangpin.identification.command;

import java.time.LocalDate;

/**
 * Facts from other services that the household's decisions depend on, kept in its own history. They are not
 * published: their owners published them already.
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
}
