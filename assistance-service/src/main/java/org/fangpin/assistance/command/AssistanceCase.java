package org.fangpin.assistance.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import org.fangpin.contracts.assistance.AssistanceCaseOpened;

/** The assistance case of one household (一户一策). */
@Aggregate
public class AssistanceCase {

    @AggregateIdentifier
    private String householdId;
    private boolean open;

    protected AssistanceCase() {
        // for Axon
    }

    /** Opening a case that is already open changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenAssistanceCaseCommand command) {
        if (open) {
            return;
        }
        apply(new AssistanceCaseOpened(command.householdId(), command.regionCode(), command.objectType(),
                command.riskTypes(), command.labourCapacity(), command.openedOn()));
    }

    @EventSourcingHandler
    void on(AssistanceCaseOpened event) {
        householdId = event.householdId();
        open = true;
    }
}
