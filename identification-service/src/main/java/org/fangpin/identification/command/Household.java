package org.fangpin.identification.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import org.fangpin.contracts.identification.CountyReturned;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdReidentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.identification.IdentificationOverdue;
import org.fangpin.contracts.identification.IdentificationRejected;
import org.fangpin.contracts.identification.LeadMerged;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.identification.MemberAdded;
import org.fangpin.contracts.identification.MemberRemoved;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.identification.PublicNoticeObjectionRecorded;
import org.fangpin.contracts.identification.ReidentificationOpened;
import org.fangpin.contracts.identification.TownshipApproved;
import org.fangpin.contracts.identification.TownshipReturned;
import org.fangpin.contracts.identification.VillageEvaluationRecorded;
import org.fangpin.identification.command.Commands.AddMemberCommand;
import org.fangpin.identification.command.Commands.ApproveAtTownshipCommand;
import org.fangpin.identification.command.Commands.CountyDating;
import org.fangpin.identification.command.Commands.DecisionPolicy;
import org.fangpin.identification.command.Commands.IdentifyAtCountyCommand;
import org.fangpin.identification.command.Commands.ImportHouseholdCommand;
import org.fangpin.identification.command.Commands.ImportIdentificationCommand;
import org.fangpin.identification.command.Commands.ImportMemberCommand;
import org.fangpin.identification.command.Commands.ImportedIdentification;
import org.fangpin.identification.command.Commands.MemberDetails;
import org.fangpin.identification.command.Commands.NoteRiskEliminatedCommand;
import org.fangpin.identification.command.Commands.NoteRiskRolledBackCommand;
import org.fangpin.identification.command.Commands.OpenReidentificationCommand;
import org.fangpin.identification.command.Commands.RaiseOverdueCommand;
import org.fangpin.identification.command.Commands.RecordObjectionCommand;
import org.fangpin.identification.command.Commands.RecordVerificationCommand;
import org.fangpin.identification.command.Commands.RecordVillageEvaluationCommand;
import org.fangpin.identification.command.Commands.RegisterHouseholdCommand;
import org.fangpin.identification.command.Commands.RejectAtCountyCommand;
import org.fangpin.identification.command.Commands.RemoveMemberCommand;
import org.fangpin.identification.command.Commands.ReportLeadCommand;
import org.fangpin.identification.command.Commands.ReturnFromCountyCommand;
import org.fangpin.identification.command.Commands.ReturnFromTownshipCommand;
import org.fangpin.identification.command.InternalEvents.BackdatingNoted;
import org.fangpin.identification.command.InternalEvents.DecisionThresholdsRecorded;
import org.fangpin.identification.command.InternalEvents.IdentificationImported;
import org.fangpin.identification.command.InternalEvents.RiskEliminationNoted;
import org.fangpin.identification.command.InternalEvents.RiskRollbackNoted;

/**
 * A household in the registry with its identification cases. State holds only what the next decision needs: the
 * members (to refuse a change of someone who is not there), whether it is a monitoring object and whether its
 * risk was eliminated, and the open case.
 */
@Aggregate
public class Household {

    @AggregateIdentifier
    private String householdId;
    private String regionCode;
    private String headMemberId;
    private final Set<String> members = new HashSet<>();
    private boolean monitoringObject;
    private boolean riskEliminated;
    private IdentificationCase openCase;

    protected Household() {
        // for Axon
    }

    @CommandHandler
    public Household(RegisterHouseholdCommand command) {
        new Rules.RegistrationNamesOneHead(command.members()).verify();
        MemberDetails head = command.members().get(0);
        apply(new HouseholdRegistered(command.householdId(), command.regionCode(), command.villageGroup(),
                head.name(), head.idNumber(), command.category(), command.memberCount(), command.categoryFlags()));
        // Events applied in a constructor reach the event-sourcing handlers only after it returns.
        command.members().forEach(member -> apply(memberAdded(command.householdId(), command.regionCode(), member,
                MemberChange.REGISTRATION, command.registeredOn())));
    }

    /** 存量导入: registered as the live registration does, then identified on its original day if it was. */
    @CommandHandler
    public Household(ImportHouseholdCommand command) {
        MemberDetails head = command.head();
        apply(new HouseholdRegistered(command.householdId(), command.regionCode(), command.villageGroup(),
                head.name(), head.idNumber(), command.category(), command.memberCount(), List.of()));
        apply(memberAdded(command.householdId(), command.regionCode(), head, MemberChange.REGISTRATION,
                command.registeredOn()));
        if (command.identification() != null) {
            importIdentification(command.householdId(), command.regionCode(), command.identification());
        }
    }

    /**
     * 存量导入 of an identification: a household identified already changes nothing (the same file imported again);
     * one with a case open here is decided by that case, not by the import.
     */
    @CommandHandler
    void handle(ImportIdentificationCommand command) {
        if (monitoringObject) {
            return;
        }
        new Rules.NoOpenCaseToImportOver(openCase).verify();
        importIdentification(householdId, regionCode, command.identification());
    }

    private static void importIdentification(String householdId, String regionCode,
                                             ImportedIdentification identification) {
        new Rules.IdentificationNamesTypeAndRisks(identification.objectType(), identification.riskTypes()).verify();
        DecisionPolicy policy = identification.policy();
        apply(new IdentificationImported(householdId, regionCode, identification.leadId(),
                identification.objectType(), identification.riskTypes(), identification.labourCapacity(),
                identification.perCapitaNetIncome(), identification.identifiedOn()));
        apply(new HouseholdIdentified(householdId, regionCode, identification.leadId(), identification.objectType(),
                identification.riskTypes(), identification.labourCapacity(), identification.perCapitaNetIncome(),
                policy.thresholds().monitoringLine(), identification.identifiedOn()));
        apply(new DecisionThresholdsRecorded(householdId, identification.leadId(), policy.regionPrefix(),
                policy.year(), policy.thresholds()));
    }

    /** 存量导入 of a member: one registered here already (the same file imported again) changes nothing. */
    @CommandHandler
    void handle(ImportMemberCommand command) {
        if (members.contains(command.member().memberId())) {
            return;
        }
        new Rules.OnlyOneHead(command.member().relation()).verify();
        apply(memberAdded(householdId, regionCode, command.member(), MemberChange.REGISTRATION,
                command.registeredOn()));
    }

    @CommandHandler
    void handle(AddMemberCommand command) {
        new Rules.MemberChangeFitsItsDirection(command.change(), true).verify();
        new Rules.OnlyOneHead(command.member().relation()).verify();
        apply(memberAdded(householdId, regionCode, command.member(), command.change(), command.changedOn()));
    }

    @CommandHandler
    void handle(RemoveMemberCommand command) {
        new Rules.MemberChangeFitsItsDirection(command.change(), false).verify();
        new Rules.MemberBelongsToTheHousehold(members, command.memberId()).verify();
        new Rules.HeadStaysInTheHousehold(headMemberId, command.memberId()).verify();
        apply(new MemberRemoved(householdId, regionCode, command.memberId(), command.change().name(),
                command.changedOn()));
    }

    @CommandHandler
    void handle(ReportLeadCommand command) {
        if (openCase != null) {
            apply(new LeadMerged(householdId, regionCode, openCase.leadId(), command.channel(), command.description(),
                    command.reportedOn()));
            return;
        }
        new Rules.NotAlreadyAMonitoringObject(monitoringObject, riskEliminated).verify();
        if (riskEliminated) {
            // A new risk on a household whose risk was eliminated is a re-identification whoever reports it.
            apply(new ReidentificationOpened(householdId, regionCode, command.leadId(), command.channel(), List.of(),
                    command.description(), command.reportedOn(), command.dueDates().verificationDueOn(),
                    command.dueDates().decisionDueOn()));
            return;
        }
        apply(new LeadReported(householdId, regionCode, command.leadId(), command.channel(), command.description(),
                command.reportedOn(), command.dueDates().verificationDueOn(), command.dueDates().decisionDueOn()));
    }

    @CommandHandler
    void handle(OpenReidentificationCommand command) {
        if (openCase != null) {
            apply(new LeadMerged(householdId, regionCode, openCase.leadId(), command.channel(), command.reason(),
                    command.reportedOn()));
            return;
        }
        new Rules.ReidentificationNeedsAnEliminatedRisk(riskEliminated).verify();
        apply(new ReidentificationOpened(householdId, regionCode, command.leadId(), command.channel(),
                command.riskTypes(), command.reason(), command.reportedOn(), command.dueDates().verificationDueOn(),
                command.dueDates().decisionDueOn()));
    }

    @CommandHandler
    void handle(NoteRiskEliminatedCommand command) {
        apply(new RiskEliminationNoted(householdId, command.eliminatedOn()));
    }

    @CommandHandler
    void handle(NoteRiskRolledBackCommand command) {
        apply(new RiskRollbackNoted(householdId, command.rolledBackOn()));
    }

    @CommandHandler
    void handle(RecordVerificationCommand command) {
        new Rules.StepConcernsTheOpenCase(openCase, command.leadId()).verify();
        new Rules.StepOrder(openCase.stage(), CaseStage.REPORTED, CaseStage.RETURNED_TO_VILLAGE).verify();
        new Rules.VerificationIsConfirmedByTheHousehold(command.householdConfirmed()).verify();
        new Rules.VerificationFollowsTheLead(openCase.reportedOn(), command.verifiedOn()).verify();
        apply(new HouseholdVerified(householdId, regionCode, command.leadId(), command.perCapitaNetIncome(),
                command.labourCapacity(), command.collector(), command.householdConfirmed(), command.verifiedOn(),
                command.rigidExpenditures(), command.guaranteeGaps()));
    }

    @CommandHandler
    void handle(RecordVillageEvaluationCommand command) {
        new Rules.StepConcernsTheOpenCase(openCase, command.leadId()).verify();
        new Rules.StepOrder(openCase.stage(), CaseStage.VERIFIED, CaseStage.RETURNED_TO_VILLAGE).verify();
        new Rules.NoticeStartsAfterTheVerification(command.noticeFrom(), openCase.verifiedOn(),
                command.evaluatedOn()).verify();
        LocalDate noticeUntil = command.noticeFrom().plusDays(command.noticeDays() - 1L);
        apply(new VillageEvaluationRecorded(householdId, regionCode, command.leadId(), command.opinion(),
                command.evaluatedOn(), command.noticeFrom(), noticeUntil,
                noticeUntil.isBefore(command.evaluatedOn())));
    }

    @CommandHandler
    void handle(RecordObjectionCommand command) {
        new Rules.StepConcernsTheOpenCase(openCase, command.leadId()).verify();
        new Rules.StepOrder(openCase.stage(), CaseStage.PUBLIC_NOTICE).verify();
        apply(new PublicNoticeObjectionRecorded(householdId, regionCode, command.leadId(), command.objection(),
                command.handling(), command.recordedOn()));
    }

    @CommandHandler
    void handle(ApproveAtTownshipCommand command) {
        townshipMayReview(command.leadId(), command.approvedOn());
        apply(new TownshipApproved(householdId, regionCode, command.leadId(), command.opinion(),
                command.approvedOn()));
    }

    @CommandHandler
    void handle(ReturnFromTownshipCommand command) {
        townshipMayReview(command.leadId(), command.returnedOn());
        new Rules.ReasonIsGiven(command.reason()).verify();
        apply(new TownshipReturned(householdId, regionCode, command.leadId(), command.reason(),
                command.returnedOn()));
    }

    @CommandHandler
    void handle(IdentifyAtCountyCommand command) {
        countyMayDecide(command.leadId(), command.dating());
        new Rules.IdentificationNamesTypeAndRisks(command.objectType(), command.riskTypes()).verify();
        PolicyThresholds policy = command.policy().thresholds();
        new Rules.NoticeRanTheDaysOfTheType(openCase.noticeFrom(), openCase.noticeUntil(),
                policy.publicNoticeDays(command.objectType())).verify();
        if (openCase.reidentification()) {
            apply(new HouseholdReidentified(householdId, regionCode, command.leadId(), command.objectType(),
                    command.riskTypes(), openCase.labourCapacity(), openCase.verifiedIncome(),
                    policy.monitoringLine(), command.dating().decidedOn()));
        } else {
            apply(new HouseholdIdentified(householdId, regionCode, command.leadId(), command.objectType(),
                    command.riskTypes(), openCase.labourCapacity(), openCase.verifiedIncome(),
                    policy.monitoringLine(), command.dating().decidedOn()));
        }
        apply(thresholdsRecorded(command.leadId(), command.policy()));
        noteBackdating(command.leadId(), command.dating());
    }

    @CommandHandler
    void handle(RejectAtCountyCommand command) {
        countyMayDecide(command.leadId(), command.dating());
        new Rules.ReasonIsGiven(command.judgement()).verify();
        apply(new IdentificationRejected(householdId, regionCode, command.leadId(), command.judgement(),
                command.dating().decidedOn()));
        apply(thresholdsRecorded(command.leadId(), command.policy()));
        noteBackdating(command.leadId(), command.dating());
    }

    @CommandHandler
    void handle(ReturnFromCountyCommand command) {
        countyMayDecide(command.leadId(), command.dating());
        new Rules.ReasonIsGiven(command.reason()).verify();
        apply(new CountyReturned(householdId, regionCode, command.leadId(), command.reason(),
                command.dating().decidedOn()));
        noteBackdating(command.leadId(), command.dating());
    }

    /** The scheduled check may ask again and again: only a deadline newly passed on the open case raises an event. */
    @CommandHandler
    void handle(RaiseOverdueCommand command) {
        if (openCase == null || !openCase.leadId().equals(command.leadId())) {
            return;
        }
        LocalDate due = openCase.newlyOverdue(command.deadline(), command.detectedOn());
        if (due != null) {
            apply(new IdentificationOverdue(householdId, regionCode, command.leadId(), command.deadline().name(), due,
                    command.detectedOn()));
        }
    }

    private void townshipMayReview(String leadId, LocalDate today) {
        new Rules.StepConcernsTheOpenCase(openCase, leadId).verify();
        new Rules.StepOrder(openCase.stage(), CaseStage.PUBLIC_NOTICE).verify();
        new Rules.PublicNoticeHasEnded(openCase.noticeUntil(), today).verify();
    }

    private void countyMayDecide(String leadId, CountyDating dating) {
        new Rules.StepConcernsTheOpenCase(openCase, leadId).verify();
        new Rules.StepOrder(openCase.stage(), CaseStage.TOWNSHIP_APPROVED).verify();
        new Rules.CountyDecidesAfterTheTownship(openCase.townshipApprovedOn(), dating.decidedOn()).verify();
        new Rules.BackdatingIsExplained(dating).verify();
    }

    private void noteBackdating(String leadId, CountyDating dating) {
        if (dating.explained()) {
            apply(new BackdatingNoted(householdId, leadId, dating.decidedOn(), dating.recordedOn(),
                    dating.note().strip()));
        }
    }

    private DecisionThresholdsRecorded thresholdsRecorded(String leadId, DecisionPolicy policy) {
        return new DecisionThresholdsRecorded(householdId, leadId, policy.regionPrefix(), policy.year(),
                policy.thresholds());
    }

    private static MemberAdded memberAdded(String householdId, String regionCode, MemberDetails member,
                                           MemberChange change, LocalDate on) {
        return new MemberAdded(householdId, regionCode, member.memberId(), member.name(),
                member.idNumber(), member.relation(), member.birthDate(), member.labourCapacity(), member.health(),
                change.name(), on, member.schooling(), member.employment());
    }

    @EventSourcingHandler
    void on(HouseholdRegistered event) {
        householdId = event.householdId();
        regionCode = event.regionCode();
    }

    @EventSourcingHandler
    void on(MemberAdded event) {
        if (headMemberId == null) {
            headMemberId = event.memberId();
        }
        members.add(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        members.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(LeadReported event) {
        openCase = new IdentificationCase(event.leadId(), false, event.reportedOn(), event.verificationDueOn(), event.decisionDueOn());
    }

    @EventSourcingHandler
    void on(ReidentificationOpened event) {
        openCase = new IdentificationCase(event.leadId(), true, event.reportedOn(), event.verificationDueOn(), event.decisionDueOn());
    }

    @EventSourcingHandler
    void on(RiskEliminationNoted event) {
        riskEliminated = true;
    }

    @EventSourcingHandler
    void on(RiskRollbackNoted event) {
        riskEliminated = false;
    }

    @EventSourcingHandler
    void on(HouseholdVerified event) {
        openCase.verified(event.perCapitaNetIncome(), event.labourCapacity(), event.verifiedOn());
    }

    @EventSourcingHandler
    void on(VillageEvaluationRecorded event) {
        openCase.onNotice(event.noticeFrom(), event.noticeUntil());
    }

    @EventSourcingHandler
    void on(TownshipApproved event) {
        openCase.approvedByTheTownship(event.approvedOn());
    }

    @EventSourcingHandler
    void on(TownshipReturned event) {
        openCase.movedTo(CaseStage.RETURNED_TO_VILLAGE);
    }

    @EventSourcingHandler
    void on(CountyReturned event) {
        openCase.movedTo(CaseStage.PUBLIC_NOTICE);
    }

    @EventSourcingHandler
    void on(IdentificationOverdue event) {
        openCase.overdueRaised(Deadline.valueOf(event.deadline()));
    }

    @EventSourcingHandler
    void on(HouseholdIdentified event) {
        monitoringObject = true;
        openCase = null;
    }

    @EventSourcingHandler
    void on(HouseholdReidentified event) {
        monitoringObject = true;
        riskEliminated = false;
        openCase = null;
    }

    @EventSourcingHandler
    void on(IdentificationRejected event) {
        openCase = null;
    }
}
