package org.fangpin.contracts.assistance;

import java.util.List;

import org.fangpin.contracts.EventCatalog.Entry;

/** The events assistance-service publishes on {@code fangpin.assistance.v1}. */
public final class AssistanceEvents {

    public static final List<Entry> PUBLISHED = List.of(
            new Entry(AssistanceCaseOpened.class, "assistance", 1),
            new Entry(RiskEliminated.class, "assistance", 1),
            new Entry(RiskRolledBack.class, "assistance", 1),
            new Entry(NewRiskReported.class, "assistance", 1));

    private AssistanceEvents() {
    }
}
