package org.fangpin.identification.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyCorrected;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.platform.web.Rule;
import org.fangpin.platform.web.RuleViolation;

/**
 * The policy thresholds of one region prefix and year (政策参数), identification-service being their owner. Every
 * change is an event with its actor and reason, so even the national defaults are on record; thresholds that
 * decisions may already have used are changed only as a correction (政策参数更正) that says why.
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
     * 政策参数调整, or 更正 when the thresholds may already have been used.
     *
     * @param regionPrefix {@code ""} for the national baseline, else a province, prefecture, county, ... prefix
     * @param today        the day of the request: whether the year has begun depends on it
     */
    public record SetPolicyCommand(@TargetAggregateIdentifier String policyId, String regionPrefix, int year,
                                   PolicyThresholds thresholds, String reason, LocalDate today) {

        public static SetPolicyCommand of(String regionPrefix, int year, PolicyThresholds thresholds, String reason,
                                          LocalDate today) {
            return new SetPolicyCommand(idOf(regionPrefix, year), regionPrefix, year, thresholds, reason, today);
        }
    }

    /**
     * The configured baseline, recorded at the first start while no policy exists: no decision can have used any
     * thresholds yet, whatever their year.
     */
    public record RecordBaselineCommand(@TargetAggregateIdentifier String policyId, String regionPrefix, int year,
                                        PolicyThresholds thresholds, String reason) {

        public static RecordBaselineCommand of(String regionPrefix, int year, PolicyThresholds thresholds,
                                               String reason) {
            return new RecordBaselineCommand(idOf(regionPrefix, year), regionPrefix, year, thresholds, reason);
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
        if (command.thresholds().equals(thresholds)) {
            return;
        }
        if (new ThresholdsMayHaveBeenUsed(command.year(), thresholds != null, command.today()).holds()) {
            new CorrectionStatesItsReason(command.reason()).verify();
            apply(new PolicyCorrected(command.regionPrefix(), command.year(), command.thresholds(), thresholds,
                    command.reason().strip()));
        } else {
            new ChangeStatesItsReason(command.reason()).verify();
            apply(new PolicyChanged(command.regionPrefix(), command.year(), command.thresholds(),
                    command.reason().strip(), thresholds));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordBaselineCommand command) {
        if (!command.thresholds().equals(thresholds)) {
            apply(new PolicyChanged(command.regionPrefix(), command.year(), command.thresholds(), command.reason(),
                    thresholds));
        }
    }

    @EventSourcingHandler
    void on(PolicyChanged event) {
        policyId = idOf(event.regionCode(), event.year());
        thresholds = event.thresholds();
    }

    @EventSourcingHandler
    void on(PolicyCorrected event) {
        policyId = idOf(event.regionCode(), event.year());
        thresholds = event.thresholds();
    }

    /**
     * Decisions may have used the thresholds of a region and year once the year has begun: those of an earlier
     * year in any case (its decisions used this entry or, without it, the one it now overrides), those of the
     * current year when the entry exists. A region's first entry for the current year is a change from now on: the
     * decisions before it used, and recorded, the thresholds it overrides.
     */
    record ThresholdsMayHaveBeenUsed(int year, boolean entryExists, LocalDate today) {
        boolean holds() {
            return year < today.getYear() || (year == today.getYear() && entryExists);
        }
    }

    /** A change of policy says why (the document or decision it follows). */
    record ChangeStatesItsReason(String reason) implements Rule {
        public void verify() {
            if (reason == null || reason.isBlank()) {
                throw RuleViolation.of("POLICY_REASON_REQUIRED");
            }
        }
    }

    /** A correction of thresholds that decisions may have used says what it corrects and why: it is audited. */
    record CorrectionStatesItsReason(String reason) implements Rule {
        public void verify() {
            if (reason == null || reason.isBlank()) {
                throw RuleViolation.of("POLICY_CORRECTION_REASON_REQUIRED");
            }
        }
    }
}
