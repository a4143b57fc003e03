package org.fangpin.identification.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.identification.command.Commands.IdentifyAtCountyCommand;
import org.fangpin.identification.command.Commands.RecordVerificationCommand;
import org.fangpin.identification.command.Commands.RegisterHouseholdCommand;
import org.fangpin.identification.command.Commands.ReportLeadCommand;

/**
 * A household in the registry with its identification cases. State holds only what the next decision needs: the
 * open case, its stage and the verified facts the county decision publishes.
 */
@Aggregate
public class Household {

    @AggregateIdentifier
    private String householdId;
    private String regionCode;
    private String openLeadId;
    private CaseStage stage;
    private BigDecimal verifiedIncome;
    private LabourCapacity labourCapacity;

    protected Household() {
        // for Axon
    }

    @CommandHandler
    public Household(RegisterHouseholdCommand command) {
        apply(new HouseholdRegistered(command.householdId(), command.regionCode(), command.villageGroup(),
                command.headName(), command.headIdNumber(), command.category(), command.memberCount()));
    }

    @CommandHandler
    void handle(ReportLeadCommand command) {
        new Rules.OneOpenCasePerHousehold(openLeadId).verify();
        apply(new LeadReported(householdId, regionCode, command.leadId(), command.channel(), command.description(),
                command.reportedOn()));
    }

    @CommandHandler
    void handle(RecordVerificationCommand command) {
        new Rules.StepConcernsTheOpenCase(openLeadId, command.leadId()).verify();
        new Rules.StepOrder(stage, CaseStage.REPORTED).verify();
        new Rules.VerificationIsConfirmedByTheHousehold(command.householdConfirmed()).verify();
        apply(new HouseholdVerified(householdId, regionCode, command.leadId(), command.perCapitaNetIncome(),
                command.labourCapacity(), command.collector(), command.householdConfirmed(), command.verifiedOn()));
    }

    @CommandHandler
    void handle(IdentifyAtCountyCommand command) {
        new Rules.StepConcernsTheOpenCase(openLeadId, command.leadId()).verify();
        new Rules.StepOrder(stage, CaseStage.VERIFIED).verify();
        apply(new HouseholdIdentified(householdId, regionCode, command.leadId(), command.objectType(),
                command.riskTypes(), labourCapacity, verifiedIncome, command.monitoringLine(),
                command.identifiedOn()));
    }

    @EventSourcingHandler
    void on(HouseholdRegistered event) {
        householdId = event.householdId();
        regionCode = event.regionCode();
    }

    @EventSourcingHandler
    void on(LeadReported event) {
        openLeadId = event.leadId();
        stage = CaseStage.REPORTED;
    }

    @EventSourcingHandler
    void on(HouseholdVerified event) {
        stage = CaseStage.VERIFIED;
        verifiedIncome = event.perCapitaNetIncome();
        labourCapacity = event.labourCapacity();
    }

    @EventSourcingHandler
    void on(HouseholdIdentified event) {
        stage = CaseStage.IDENTIFIED;
        openLeadId = null;
    }
}
