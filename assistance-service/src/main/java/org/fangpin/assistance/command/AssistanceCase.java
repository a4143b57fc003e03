package org.fangpin.assistance.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import org.fangpin.assistance.command.CaseEvents.WarningAttached;
import org.fangpin.assistance.command.CaseEvents.WarningClosed;
import org.fangpin.assistance.command.CaseEvents.WarningLevelNoted;
import org.fangpin.assistance.command.Commands.AddMeasureCommand;
import org.fangpin.assistance.command.Commands.ApproveEliminationCommand;
import org.fangpin.assistance.command.Commands.ApproveRollbackCommand;
import org.fangpin.assistance.command.Commands.AttachWarningCommand;
import org.fangpin.assistance.command.Commands.ChangeWarningLevelCommand;
import org.fangpin.assistance.command.Commands.CloseAssistanceCaseCommand;
import org.fangpin.assistance.command.Commands.CloseWarningCommand;
import org.fangpin.assistance.command.Commands.CompleteGradualExitCommand;
import org.fangpin.assistance.command.Commands.ConfirmDevelopmentalAssistanceCommand;
import org.fangpin.assistance.command.Commands.DesignateSafetyNetHouseholdCommand;
import org.fangpin.assistance.command.Commands.FlagMeasureOverdueCommand;
import org.fangpin.assistance.command.Commands.FlagWarningResponseOverdueCommand;
import org.fangpin.assistance.command.Commands.ImportEliminationCommand;
import org.fangpin.assistance.command.Commands.ImportMeasureCommand;
import org.fangpin.assistance.command.Commands.ImportRollbackCommand;
import org.fangpin.assistance.command.Commands.OpenAssistanceCaseCommand;
import org.fangpin.assistance.command.Commands.ProposeEliminationCommand;
import org.fangpin.assistance.command.Commands.ProposeRollbackCommand;
import org.fangpin.assistance.command.Commands.ReportNewRiskCommand;
import org.fangpin.assistance.command.Commands.RespondToWarningCommand;
import org.fangpin.assistance.command.Commands.ReturnEliminationCommand;
import org.fangpin.assistance.command.Commands.ReturnRollbackCommand;
import org.fangpin.assistance.command.Commands.UpdateMeasureCommand;
import org.fangpin.assistance.command.Commands.VerifyEliminationCommand;
import org.fangpin.assistance.command.Commands.VerifyRollbackCommand;
import org.fangpin.assistance.command.EliminationCriteria.Assessment;
import org.fangpin.assistance.command.EliminationCriteria.CarriedOutMeasure;
import org.fangpin.assistance.command.EliminationCriteria.CaseFacts;
import org.fangpin.contracts.assistance.AssistanceCaseClosed;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.assistance.DevelopmentalAssistanceConfirmed;
import org.fangpin.contracts.assistance.DevelopmentalAssistanceVillageConfirmed;
import org.fangpin.contracts.assistance.GradualExitCompleted;
import org.fangpin.contracts.assistance.GradualExitStarted;
import org.fangpin.contracts.assistance.MeasureAdded;
import org.fangpin.contracts.assistance.MeasureOverdue;
import org.fangpin.contracts.assistance.MeasureUpdated;
import org.fangpin.contracts.assistance.NewRiskReported;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.assistance.RiskEliminationProposed;
import org.fangpin.contracts.assistance.RiskEliminationReturned;
import org.fangpin.contracts.assistance.RiskEliminationVerified;
import org.fangpin.contracts.assistance.RiskRollbackProposed;
import org.fangpin.contracts.assistance.RiskRollbackReturned;
import org.fangpin.contracts.assistance.RiskRollbackVerified;
import org.fangpin.contracts.assistance.RiskRolledBack;
import org.fangpin.contracts.assistance.SafetyNetHouseholdDesignated;
import org.fangpin.contracts.assistance.SafetyNetHouseholdProposed;
import org.fangpin.contracts.assistance.WarningResponded;
import org.fangpin.contracts.assistance.WarningResponseOverdue;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.MeasureStatus;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.ReviewLevel;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.platform.web.BusinessDay;

/**
 * The assistance case of one household (一户一策): its plan of measures, the warnings waiting for a response, the
 * policy marks (已实施开发式帮扶, 整户无劳动能力兜底保障户) and the elimination and rollback procedures. A case closes
 * with the household's monitoring (终止监测) and then takes no further step until a new identification opens it.
 * State holds only what the next decision needs; the screens read projections.
 */
@Aggregate
public class AssistanceCase {

    @AggregateIdentifier
    private String householdId;
    private String regionCode;
    private LocalDate openedOn;
    private List<RiskType> riskTypes;
    private LabourCapacity labourCapacity;
    private boolean eliminated;
    private final Map<String, Measure> measures = new LinkedHashMap<>();
    private final Map<String, OpenWarning> openWarnings = new HashMap<>();
    private boolean developmentalVillageConfirmed;
    private boolean developmentalConfirmed;
    private boolean safetyNetProposed;
    private boolean safetyNetHousehold;
    private Step elimination;
    private Step rollback;
    private String rollbackReason;
    /** The day the case last turned to assistance: opened, or rolled back; an elimination proposal follows it. */
    private LocalDate assistedSince;
    /** The day of the elimination's or the rollback's last step taken, which the next step may not precede. */
    private LocalDate eliminationStepOn;
    private LocalDate eliminatedOn;
    private LocalDate rollbackStepOn;
    /** Why the county closed the household's monitoring; {@code null} while the case is open. */
    private ClosureReason closedFor;
    /** The days eliminations and rollbacks were approved, so an imported one is recognised when imported again. */
    private final Set<LocalDate> eliminatedOnDays = new HashSet<>();
    private final Set<LocalDate> rolledBackOnDays = new HashSet<>();

    protected AssistanceCase() {
        // for Axon
    }

    /**
     * Opening a case that is open changes nothing; a re-identified household's eliminated case opens again, and so
     * does a closed case when the household is identified anew.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenAssistanceCaseCommand command) {
        if (householdId != null && !eliminated && closedFor == null) {
            return;
        }
        apply(new AssistanceCaseOpened(command.householdId(), command.regionCode(), command.objectType(),
                command.riskTypes(), command.labourCapacity(), command.openedOn()));
    }

    /**
     * 终止监测: the case closes with the monitoring, once; its open measures no longer fall due. A closure dated before
     * the case opened concerns an earlier case of the household (identified again since) and leaves this one open.
     */
    @CommandHandler
    void handle(CloseAssistanceCaseCommand command) {
        if (closedFor == null && !command.closedOn().isBefore(openedOn)) {
            apply(new AssistanceCaseClosed(householdId, regionCode, command.reason(), command.closedOn()));
        }
    }

    @CommandHandler
    void handle(AddMeasureCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        new Rules.DueDateNotInPast(command.dueDate(), command.today()).verify();
        new Rules.NoSafetyNetOnlyPlan(command.measureType() == MeasureType.SAFETY_NET, labourCapacity,
                hasDevelopmentalHelp(null)).verify();
        apply(new MeasureAdded(householdId, regionCode, command.measureId(), command.measureType(),
                command.description(), command.riskTypes(), command.department(), command.responsiblePerson(),
                command.dueDate(), command.today()));
        respondToOpenWarnings(command.measureId(), null, command.today());
    }

    @CommandHandler
    void handle(UpdateMeasureCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        Measure measure = measures.get(command.measureId());
        new Rules.MeasureExists(measure, command.measureId()).verify();
        new Rules.MeasureStillOpen(command.measureId(), measure.status()).verify();
        new Rules.UpdateChangesSomething(command.status() == null && command.progressNote() == null
                && command.outcome() == null && command.incomeEffect() == null && command.dueDate() == null).verify();
        new Rules.NoChangeDuringGradualExit(command.measureId(), measure.status(),
                command.status() != null || command.dueDate() != null).verify();
        new Rules.StatusMovesForward(measure.status(), command.status()).verify();
        new Rules.DueDateNotInPast(command.dueDate(), command.today()).verify();
        new Rules.CompletionRecordsOutcome(command.measureId(), command.status(),
                measure.outcomeRecorded() || hasText(command.outcome())).verify();
        if (command.status() == MeasureStatus.ENDED && measure.type().developmental() && !measure.started()) {
            new Rules.NoSafetyNetOnlyPlan(safetyNetInEffect(), labourCapacity,
                    hasDevelopmentalHelp(command.measureId())).verify();
        }

        boolean endsSafetyNet = measure.type() == MeasureType.SAFETY_NET && command.status() != null
                && command.status().closed() && command.gradualExitMonths() > 0;
        MeasureStatus status = endsSafetyNet ? null : command.status();
        if (status != null || command.progressNote() != null || command.outcome() != null
                || command.incomeEffect() != null || command.dueDate() != null) {
            apply(new MeasureUpdated(householdId, regionCode, command.measureId(), status, command.progressNote(),
                    command.outcome(), command.incomeEffect(), command.dueDate(), command.today()));
        }
        if (endsSafetyNet) {
            apply(new GradualExitStarted(householdId, regionCode, command.measureId(), command.today(),
                    command.today().plusMonths(command.gradualExitMonths())));
        }
        respondToOpenWarnings(command.measureId(), null, command.today());
    }

    /**
     * 存量导入 of a measure on its own days, by the live rules judged on them: the case open, planned not before it
     * opened, its deadline not before the day it was planned, started and completed in order, a completion with its
     * outcome, no plan of safety-net support alone for a household that can work. Its events carry the days it
     * happened beside the day recorded; it answers the warnings raised by its last day, as a live measure does.
     *
     * @return whether it was imported now (not imported before)
     */
    @CommandHandler
    boolean handle(ImportMeasureCommand command) {
        if (measures.containsKey(command.measureId())) {
            return false;
        }
        new Rules.CaseOpen(closedFor).verify();
        BusinessDay added = new BusinessDay(command.addedOn(), command.today(), null, null);
        added.requireNotBefore(openedOn, "MEASURE_DATE_BEFORE_PREVIOUS_STEP");
        new Rules.DueDateNotInPast(command.dueDate(), command.addedOn()).verify();
        new Rules.NoSafetyNetOnlyPlan(command.measureType() == MeasureType.SAFETY_NET, labourCapacity,
                hasDevelopmentalHelp(null)).verify();
        LocalDate started = command.startedOn() != null ? command.startedOn() : command.completedOn();
        if (started != null) {
            new BusinessDay(started, command.today(), null, null)
                    .requireNotBefore(command.addedOn(), "MEASURE_DATE_BEFORE_PREVIOUS_STEP");
        }
        if (command.completedOn() != null) {
            new BusinessDay(command.completedOn(), command.today(), null, null)
                    .requireNotBefore(started, "MEASURE_DATE_BEFORE_PREVIOUS_STEP");
            new Rules.CompletionRecordsOutcome(command.measureId(), MeasureStatus.COMPLETED,
                    hasText(command.outcome())).verify();
        }
        apply(new MeasureAdded(householdId, regionCode, command.measureId(), command.measureType(),
                command.description(), command.riskTypes(), command.department(), command.responsiblePerson(),
                command.dueDate(), command.today(), command.addedOn()));
        if (started != null) {
            apply(new MeasureUpdated(householdId, regionCode, command.measureId(), MeasureStatus.IN_PROGRESS, null,
                    null, null, null, command.today(), started));
        }
        if (command.completedOn() != null) {
            apply(new MeasureUpdated(householdId, regionCode, command.measureId(), MeasureStatus.COMPLETED, null,
                    command.outcome().strip(), command.incomeEffect(), null, command.today(),
                    command.completedOn()));
        }
        LocalDate lastDay = command.completedOn() != null ? command.completedOn()
                : started != null ? started : command.addedOn();
        openWarnings.values().stream().filter(w -> !w.responded() && !w.raisedOn().isAfter(lastDay))
                .map(OpenWarning::warningId).sorted().toList()
                .forEach(warningId -> apply(new WarningResponded(householdId, regionCode, warningId,
                        command.measureId(), null, command.today())));
        return true;
    }

    /** @return whether it was imported now (not approved here on that day before) */
    @CommandHandler
    boolean handle(ImportEliminationCommand command) {
        if (eliminatedOnDays.contains(command.approved().on())) {
            return false;
        }
        LocalDate proposedOn = command.proposed().on();
        if (labourCapacity != LabourCapacity.NONE && !developmentalConfirmed && closedFor == null && !eliminated
                && !developmentalMeasuresCarriedOut().isEmpty()) {
            if (!developmentalVillageConfirmed) {
                handle(new ConfirmDevelopmentalAssistanceCommand(householdId, ReviewLevel.VILLAGE, proposedOn));
            }
            handle(new ConfirmDevelopmentalAssistanceCommand(householdId, ReviewLevel.TOWNSHIP, proposedOn));
        }
        handle(new ProposeEliminationCommand(householdId, command.proposalFacts(), command.proposed()));
        handle(new VerifyEliminationCommand(householdId, command.verified()));
        handle(new ApproveEliminationCommand(householdId, command.approvalFacts(), command.approved()));
        return true;
    }

    /** @return whether it was imported now (not approved here on that day before) */
    @CommandHandler
    boolean handle(ImportRollbackCommand command) {
        if (rolledBackOnDays.contains(command.approved().on())) {
            return false;
        }
        handle(new ProposeRollbackCommand(householdId, command.reason(), command.proposed()));
        handle(new VerifyRollbackCommand(householdId, command.verified()));
        handle(new ApproveRollbackCommand(householdId, command.approved()));
        return true;
    }

    /** Flagged once per deadline; a measure done, phasing out or not yet due, or of a closed case, is left alone. */
    @CommandHandler
    void handle(FlagMeasureOverdueCommand command) {
        Measure measure = measures.get(command.measureId());
        if (closedFor != null || measure == null || measure.status().closed()
                || measure.status() == MeasureStatus.GRADUAL_EXIT || measure.dueDate() == null || !measure.dueDate().isBefore(command.today())
                || measure.dueDate().equals(measure.overdueFlaggedFor())) {
            return;
        }
        apply(new MeasureOverdue(householdId, regionCode, command.measureId(), measure.type(), measure.department(),
                measure.dueDate(), command.today()));
    }

    @CommandHandler
    void handle(CompleteGradualExitCommand command) {
        Measure measure = measures.get(command.measureId());
        if (closedFor != null || measure == null || measure.status() != MeasureStatus.GRADUAL_EXIT
                || measure.gradualExitEndsOn().isAfter(command.today())) {
            return;
        }
        apply(new GradualExitCompleted(householdId, regionCode, command.measureId(), command.today()));
    }

    /** A warning delivered again changes nothing. */
    @CommandHandler
    void handle(AttachWarningCommand command) {
        if (openWarnings.containsKey(command.warningId())) {
            return;
        }
        apply(new WarningAttached(householdId, regionCode, command.warningId(), command.level(), command.rule(),
                command.reason(), command.raisedOn(), eliminated));
    }

    @CommandHandler
    void handle(ChangeWarningLevelCommand command) {
        OpenWarning warning = openWarnings.get(command.warningId());
        if (warning == null || warning.level() == command.level()) {
            return;
        }
        apply(new WarningLevelNoted(householdId, command.warningId(), command.level(),
                command.level().ordinal() < warning.level().ordinal(), command.changedOn()));
    }

    @CommandHandler
    void handle(CloseWarningCommand command) {
        if (openWarnings.containsKey(command.warningId())) {
            apply(new WarningClosed(householdId, command.warningId(), command.clearedOn()));
        }
    }

    @CommandHandler
    void handle(RespondToWarningCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        OpenWarning warning = openWarnings.get(command.warningId());
        new Rules.WarningIsOpen(warning, command.warningId()).verify();
        new Rules.WarningNotYetAnswered(command.warningId(), warning.responded()).verify();
        apply(new WarningResponded(householdId, regionCode, command.warningId(), null, command.reason(),
                command.today()));
    }

    /** Flagged once; a warning answered or closed in the meantime, or of a closed case, is left alone. */
    @CommandHandler
    void handle(FlagWarningResponseOverdueCommand command) {
        OpenWarning warning = openWarnings.get(command.warningId());
        if (closedFor != null || warning == null || warning.responded() || warning.overdueFlagged()
                || !command.dueOn().isBefore(command.today())) {
            return;
        }
        apply(new WarningResponseOverdue(householdId, regionCode, command.warningId(), warning.level(),
                warning.raisedOn(), command.dueOn(), command.today()));
    }

    @CommandHandler
    void handle(ConfirmDevelopmentalAssistanceCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        new Rules.DevelopmentalNeedsLabourCapacity(labourCapacity).verify();
        if (command.level() == ReviewLevel.VILLAGE) {
            new Rules.NotTakenYet("DEVELOPMENTAL_ALREADY_CONFIRMED", developmentalVillageConfirmed).verify();
            List<String> developmental = developmentalMeasuresCarriedOut();
            new Rules.DevelopmentalMeasureCarriedOut(developmental).verify();
            apply(new DevelopmentalAssistanceVillageConfirmed(householdId, regionCode, developmental,
                    command.today()));
        } else {
            new Rules.NotTakenYet("DEVELOPMENTAL_ALREADY_CONFIRMED", developmentalConfirmed).verify();
            new Rules.VillageBeforeTownship("DEVELOPMENTAL_STEP_ORDER", developmentalVillageConfirmed).verify();
            apply(new DevelopmentalAssistanceConfirmed(householdId, regionCode, developmentalMeasuresCarriedOut(),
                    command.today()));
        }
    }

    @CommandHandler
    void handle(DesignateSafetyNetHouseholdCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        new Rules.SafetyNetNeedsNoLabourCapacity(labourCapacity).verify();
        new Rules.RiskNotYetEliminated(eliminated).verify();
        if (command.level() == ReviewLevel.VILLAGE) {
            new Rules.NotTakenYet("SAFETY_NET_ALREADY_DESIGNATED", safetyNetProposed).verify();
            apply(new SafetyNetHouseholdProposed(householdId, regionCode, command.reason(), command.today()));
        } else {
            new Rules.NotTakenYet("SAFETY_NET_ALREADY_DESIGNATED", safetyNetHousehold).verify();
            new Rules.VillageBeforeTownship("SAFETY_NET_STEP_ORDER", safetyNetProposed).verify();
            apply(new SafetyNetHouseholdDesignated(householdId, regionCode, command.today()));
        }
    }

    /**
     * Dated the day the village proposed: not before the case turned to assistance (opened, or rolled back), and the
     * criteria judged as of that day.
     */
    @CommandHandler
    void handle(ProposeEliminationCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        new Rules.RiskNotYetEliminated(eliminated).verify();
        new Rules.NotTakenYet("ELIMINATION_ALREADY_PROPOSED", elimination != null).verify();
        BusinessDay proposed = command.proposed();
        dated(proposed, assistedSince, "ELIMINATION_DATE_BEFORE_PREVIOUS_STEP");
        Assessment assessment = EliminationCriteria.assess(facts(), command.facts(), proposed.on());
        new Rules.EliminationCriteriaMet(assessment).verify();
        apply(new RiskEliminationProposed(householdId, regionCode, assessment.evidence(), proposed.on(),
                proposed.keptNote()));
    }

    @CommandHandler
    void handle(VerifyEliminationCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        new Rules.RiskNotYetEliminated(eliminated).verify();
        new Rules.StepOrder("ELIMINATION_STEP_ORDER", elimination, Step.PROPOSED).verify();
        dated(command.verified(), eliminationStepOn, "ELIMINATION_DATE_BEFORE_PREVIOUS_STEP");
        apply(new RiskEliminationVerified(householdId, regionCode, command.verified().on(),
                command.verified().keptNote()));
    }

    /**
     * The criteria are judged again, as of the day the county approved: the facts may have changed since the village
     * proposed. Safety-net support in effect does not stop with the elimination: it enters the policy's gradual exit
     * (渐退期).
     */
    @CommandHandler
    void handle(ApproveEliminationCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        new Rules.RiskNotYetEliminated(eliminated).verify();
        new Rules.StepOrder("ELIMINATION_STEP_ORDER", elimination, Step.VERIFIED).verify();
        BusinessDay approved = command.approved();
        dated(approved, eliminationStepOn, "ELIMINATION_DATE_BEFORE_PREVIOUS_STEP");
        Assessment assessment = EliminationCriteria.assess(facts(), command.facts(), approved.on());
        new Rules.EliminationCriteriaMet(assessment).verify();
        apply(new RiskEliminated(householdId, regionCode, riskTypes, approved.on(), assessment.evidence(),
                approved.keptNote()));
        int gradualExitMonths = command.facts().thresholds().gradualExitMonths();
        if (gradualExitMonths > 0) {
            measures.entrySet().stream()
                    .filter(m -> m.getValue().type() == MeasureType.SAFETY_NET && m.getValue().status().carriedOut()
                            && m.getValue().status() != MeasureStatus.GRADUAL_EXIT)
                    .map(Map.Entry::getKey).toList()
                    .forEach(measureId -> apply(new GradualExitStarted(householdId, regionCode, measureId,
                            approved.on(), approved.on().plusMonths(gradualExitMonths))));
        }
    }

    @CommandHandler
    void handle(ReturnEliminationCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        new Rules.RiskNotYetEliminated(eliminated).verify();
        new Rules.StepOrder("ELIMINATION_STEP_ORDER", elimination, stepReviewedBy(command.level())).verify();
        apply(new RiskEliminationReturned(householdId, regionCode, command.level(), command.reason(),
                command.today()));
    }

    /** Dated the day the village proposed, not before the elimination it undoes. */
    @CommandHandler
    void handle(ProposeRollbackCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        new Rules.RiskWasEliminated("ROLLBACK_NEEDS_ELIMINATION", eliminated).verify();
        new Rules.NotTakenYet("ROLLBACK_ALREADY_PROPOSED", rollback != null).verify();
        BusinessDay proposed = command.proposed();
        dated(proposed, eliminatedOn, "ROLLBACK_DATE_BEFORE_PREVIOUS_STEP");
        apply(new RiskRollbackProposed(householdId, regionCode, command.reason(), proposed.on(),
                proposed.keptNote()));
        respondToOpenWarnings(null, command.reason(), proposed.on());
    }

    @CommandHandler
    void handle(VerifyRollbackCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        new Rules.RiskWasEliminated("ROLLBACK_NEEDS_ELIMINATION", eliminated).verify();
        new Rules.StepOrder("ROLLBACK_STEP_ORDER", rollback, Step.PROPOSED).verify();
        dated(command.verified(), rollbackStepOn, "ROLLBACK_DATE_BEFORE_PREVIOUS_STEP");
        apply(new RiskRollbackVerified(householdId, regionCode, command.verified().on(),
                command.verified().keptNote()));
    }

    @CommandHandler
    void handle(ApproveRollbackCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        new Rules.RiskWasEliminated("ROLLBACK_NEEDS_ELIMINATION", eliminated).verify();
        new Rules.StepOrder("ROLLBACK_STEP_ORDER", rollback, Step.VERIFIED).verify();
        dated(command.approved(), rollbackStepOn, "ROLLBACK_DATE_BEFORE_PREVIOUS_STEP");
        apply(new RiskRolledBack(householdId, regionCode, rollbackReason, command.approved().on(),
                command.approved().keptNote()));
    }

    /**
     * A step of elimination or rollback happened on its business date: not before the step it follows, and more
     * than the policy's allowance before it is recorded only with a note saying why (the rule identification's
     * county decision keeps too).
     */
    private static void dated(BusinessDay day, LocalDate previousStep, String orderCode) {
        day.requireNotBefore(previousStep, orderCode);
        day.requireNoteBeyondAllowance("ASSISTANCE_BACKDATING_NOTE_REQUIRED");
    }

    @CommandHandler
    void handle(ReturnRollbackCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        new Rules.RiskWasEliminated("ROLLBACK_NEEDS_ELIMINATION", eliminated).verify();
        new Rules.StepOrder("ROLLBACK_STEP_ORDER", rollback, stepReviewedBy(command.level())).verify();
        apply(new RiskRollbackReturned(householdId, regionCode, command.level(), command.reason(),
                command.today()));
    }

    @CommandHandler
    void handle(ReportNewRiskCommand command) {
        new Rules.CaseOpen(closedFor).verify();
        new Rules.RiskWasEliminated("NEW_RISK_NEEDS_ELIMINATION", eliminated).verify();
        new Rules.NewRiskIsDifferent(riskTypes, command.riskTypes()).verify();
        apply(new NewRiskReported(householdId, regionCode, command.riskTypes(), command.reason(), command.today()));
        respondToOpenWarnings(null, command.reason(), command.today());
    }

    /** A new or changed measure, a rollback proposal or a re-marking answers every warning still waiting. */
    private void respondToOpenWarnings(String measureId, String reason, LocalDate today) {
        openWarnings.values().stream().filter(warning -> !warning.responded()).map(OpenWarning::warningId)
                .sorted().toList()
                .forEach(warningId -> apply(new WarningResponded(householdId, regionCode, warningId, measureId,
                        reason, today)));
    }

    /**
     * Whether the plan holds development-type help (开发式帮扶) besides the measure {@code except}: a developmental
     * measure planned, under way or done, or one ended after it was started. One ended without ever being started
     * helped nobody.
     */
    private boolean hasDevelopmentalHelp(String except) {
        return measures.entrySet().stream().filter(m -> !m.getKey().equals(except)).map(Map.Entry::getValue)
                .anyMatch(m -> m.type().developmental() && (m.status() != MeasureStatus.ENDED || m.started()));
    }

    /** Safety-net support planned, paid or phasing out. */
    private boolean safetyNetInEffect() {
        return measures.values().stream()
                .anyMatch(m -> m.type() == MeasureType.SAFETY_NET && !m.status().closed());
    }

    /** The development-type measures that were started (carried out, whether or not they are over). */
    private List<String> developmentalMeasuresCarriedOut() {
        List<String> ids = new ArrayList<>();
        measures.forEach((id, m) -> {
            if (m.type().developmental() && m.started()) {
                ids.add(id);
            }
        });
        return ids;
    }

    private CaseFacts facts() {
        return new CaseFacts(openedOn, labourCapacity, riskTypes,
                measures.values().stream().filter(m -> m.status().carriedOut())
                        .map(m -> new CarriedOutMeasure(m.type(), m.riskTypes(),
                                m.status() == MeasureStatus.COMPLETED && m.outcomeRecorded()))
                        .toList(),
                !openWarnings.isEmpty(), safetyNetHousehold, developmentalConfirmed);
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    /** The township returns a proposal; the county returns what the township verified. */
    private static Step stepReviewedBy(ReviewLevel level) {
        return level == ReviewLevel.COUNTY ? Step.VERIFIED : Step.PROPOSED;
    }

    @EventSourcingHandler
    void on(AssistanceCaseOpened event) {
        householdId = event.householdId();
        regionCode = event.regionCode();
        openedOn = event.openedOn();
        riskTypes = List.copyOf(event.riskTypes());
        labourCapacity = event.labourCapacity();
        eliminated = false;
        elimination = null;
        rollback = null;
        assistedSince = event.openedOn();
        eliminationStepOn = null;
        eliminatedOn = null;
        rollbackStepOn = null;
        developmentalVillageConfirmed = false;
        developmentalConfirmed = false;
        closedFor = null;
    }

    @EventSourcingHandler
    void on(AssistanceCaseClosed event) {
        closedFor = event.reason();
    }

    @EventSourcingHandler
    void on(MeasureAdded event) {
        measures.put(event.measureId(), new Measure(event.measureType(),
                event.riskTypes() == null ? List.of() : List.copyOf(event.riskTypes()), event.department(),
                MeasureStatus.PLANNED, event.dueDate(), null, null, false, false));
    }

    @EventSourcingHandler
    void on(MeasureUpdated event) {
        Measure measure = measures.get(event.measureId());
        Measure updated = measure.with(event.status() != null ? event.status() : measure.status(),
                event.dueDate() != null ? event.dueDate() : measure.dueDate());
        measures.put(event.measureId(), hasText(event.outcome()) ? updated.withOutcome() : updated);
    }

    @EventSourcingHandler
    void on(MeasureOverdue event) {
        measures.computeIfPresent(event.measureId(), (id, measure) -> measure.flaggedOverdue());
    }

    @EventSourcingHandler
    void on(GradualExitStarted event) {
        measures.computeIfPresent(event.measureId(), (id, measure) -> measure.exitingUntil(event.endsOn()));
    }

    @EventSourcingHandler
    void on(GradualExitCompleted event) {
        measures.computeIfPresent(event.measureId(),
                (id, measure) -> measure.with(MeasureStatus.ENDED, measure.dueDate()));
    }

    @EventSourcingHandler
    void on(WarningAttached event) {
        openWarnings.put(event.warningId(),
                new OpenWarning(event.warningId(), event.level(), event.raisedOn(), false, false));
    }

    @EventSourcingHandler
    void on(WarningLevelNoted event) {
        openWarnings.computeIfPresent(event.warningId(), (id, warning) -> event.escalated()
                ? new OpenWarning(id, event.level(), event.changedOn(), false, false)
                : warning.atLevel(event.level()));
    }

    @EventSourcingHandler
    void on(WarningClosed event) {
        openWarnings.remove(event.warningId());
    }

    @EventSourcingHandler
    void on(WarningResponded event) {
        openWarnings.computeIfPresent(event.warningId(), (id, warning) -> warning.answered());
    }

    @EventSourcingHandler
    void on(WarningResponseOverdue event) {
        openWarnings.computeIfPresent(event.warningId(), (id, warning) -> warning.flaggedOverdue());
    }

    @EventSourcingHandler
    void on(DevelopmentalAssistanceVillageConfirmed event) {
        developmentalVillageConfirmed = true;
    }

    @EventSourcingHandler
    void on(DevelopmentalAssistanceConfirmed event) {
        developmentalConfirmed = true;
    }

    @EventSourcingHandler
    void on(SafetyNetHouseholdProposed event) {
        safetyNetProposed = true;
    }

    @EventSourcingHandler
    void on(SafetyNetHouseholdDesignated event) {
        safetyNetHousehold = true;
    }

    @EventSourcingHandler
    void on(RiskEliminationProposed event) {
        elimination = Step.PROPOSED;
        eliminationStepOn = event.proposedOn();
    }

    @EventSourcingHandler
    void on(RiskEliminationVerified event) {
        elimination = Step.VERIFIED;
        eliminationStepOn = event.verifiedOn();
    }

    @EventSourcingHandler
    void on(RiskEliminationReturned event) {
        elimination = null;
    }

    @EventSourcingHandler
    void on(RiskEliminated event) {
        eliminated = true;
        elimination = null;
        eliminatedOn = event.eliminatedOn();
        eliminatedOnDays.add(event.eliminatedOn());
    }

    @EventSourcingHandler
    void on(RiskRollbackProposed event) {
        rollback = Step.PROPOSED;
        rollbackReason = event.reason();
        rollbackStepOn = event.proposedOn();
    }

    @EventSourcingHandler
    void on(RiskRollbackVerified event) {
        rollback = Step.VERIFIED;
        rollbackStepOn = event.verifiedOn();
    }

    @EventSourcingHandler
    void on(RiskRollbackReturned event) {
        rollback = null;
        rollbackReason = null;
    }

    @EventSourcingHandler
    void on(RiskRolledBack event) {
        eliminated = false;
        rollback = null;
        rollbackReason = null;
        assistedSince = event.rolledBackOn();
        rolledBackOnDays.add(event.rolledBackOn());
    }

    /**
     * A measure of the plan, as far as decisions need it.
     *
     * @param started         whether it was ever carried out (under way, done or phasing out), even if ended since
     * @param outcomeRecorded whether its outcome (帮扶成效) was recorded
     */
    private record Measure(MeasureType type, List<RiskType> riskTypes, String department, MeasureStatus status,
                           LocalDate dueDate, LocalDate overdueFlaggedFor, LocalDate gradualExitEndsOn,
                           boolean started, boolean outcomeRecorded) {

        Measure with(MeasureStatus newStatus, LocalDate newDueDate) {
            return new Measure(type, riskTypes, department, newStatus, newDueDate, overdueFlaggedFor,
                    gradualExitEndsOn, started || newStatus.carriedOut(), outcomeRecorded);
        }

        Measure withOutcome() {
            return new Measure(type, riskTypes, department, status, dueDate, overdueFlaggedFor, gradualExitEndsOn,
                    started, true);
        }

        Measure flaggedOverdue() {
            return new Measure(type, riskTypes, department, status, dueDate, dueDate, gradualExitEndsOn, started,
                    outcomeRecorded);
        }

        Measure exitingUntil(LocalDate endsOn) {
            return new Measure(type, riskTypes, department, MeasureStatus.GRADUAL_EXIT, dueDate, overdueFlaggedFor,
                    endsOn, true, outcomeRecorded);
        }
    }

    /** A warning from monitoring not yet cleared. */
    private record OpenWarning(String warningId, WarningLevel level, LocalDate raisedOn, boolean responded,
                               boolean overdueFlagged) {

        OpenWarning atLevel(WarningLevel newLevel) {
            return new OpenWarning(warningId, newLevel, raisedOn, responded, overdueFlagged);
        }

        OpenWarning answered() {
            return new OpenWarning(warningId, level, raisedOn, true, overdueFlagged);
        }

        OpenWarning flaggedOverdue() {
            return new OpenWarning(warningId, level, raisedOn, responded, true);
        }
    }
}
