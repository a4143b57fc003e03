package org.fangpin.identification.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyThresholds;

/**
 * The policy thresholds of one region prefix and year (政策参数), identification-service being their owner. Every
 * change is an event with its actor and reason, so even the national defaults are on record.
 */
@Aggregate
public class Policy {

    @AggregateIdentifier
    private String policyId;
    private PolicyThresholds thresholds;

    protected Policy() {
        // for Axon
    }

    /**
     * 政策参数调整
     *
     * @param regionPrefix {@code ""} for the national baseline, else a province, prefecture, county, ... prefix
     */
    public record SetPolicyCommand(@TargetAggregateIdentifier String policyId, String regionPrefix, int year,
                                   PolicyThresholds thresholds, String reason) {

        public static SetPolicyCommand of(String regionPrefix, int year, PolicyThresholds thresholds, String reason) {
            return new SetPolicyCommand(idOf(regionPrefix, year), regionPrefix, year, thresholds, reason);
        }
    }

    /** The same id as the subject of the published {@link PolicyChanged}. */
    public static String idOf(String regionPrefix, int year) {
        return "policy:" + (regionPrefix.isEmpty() ? "national" : regionPrefix) + ":" + year;
    }

    /** Setting the thresholds a region and year already have changes nothing, so a repeated request is harmless. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetPolicyCommand command) {
        if (!command.thresholds().equals(thresholds)) {
            apply(new PolicyChanged(command.regionPrefix(), command.year(), command.thresholds(), command.reason()));
        }
    }

    @EventSourcingHandler
    void on(PolicyChanged event) {
        policyId = idOf(event.regionCode(), event.year());
        thresholds = event.thresholds();
    }
}
