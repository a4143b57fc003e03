package org.fangpin.monitoring.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import org.fangpin.contracts.monitoring.MonitoringStarted;

/** A household under monthly dynamic monitoring. */
@Aggregate
public class MonitoredHousehold {

    @AggregateIdentifier
    private String householdId;
    private boolean monitored;

    protected MonitoredHousehold() {
        // for Axon
    }

    /** Starting monitoring of a household already monitored changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartMonitoringCommand command) {
        if (monitored) {
            return;
        }
        apply(new MonitoringStarted(command.householdId(), command.regionCode(), command.objectType(),
                command.startedOn()));
    }

    @EventSourcingHandler
    void on(MonitoringStarted event) {
        householdId = event.householdId();
        monitored = true;
    }
}
