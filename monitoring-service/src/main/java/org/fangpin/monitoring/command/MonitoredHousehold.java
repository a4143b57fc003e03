package org.fangpin.monitoring.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import org.fangpin.contracts.monitoring.ColourGradeChanged;
import org.fangpin.contracts.monitoring.ImmediateVisitRequested;
import org.fangpin.contracts.monitoring.LookBackMonitoringStarted;
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.monitoring.MonthlyMonitoringMissed;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.monitoring.RegularMonitoringResumed;
import org.fangpin.contracts.monitoring.WarningCleared;
import org.fangpin.contracts.monitoring.WarningLevelChanged;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.contracts.value.ColourGrade;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.monitoring.command.Commands.CloseMonitoringCommand;
import org.fangpin.monitoring.command.Commands.FlagMissedMonitoringCommand;
import org.fangpin.monitoring.command.Commands.ImportMonthlyMonitoringCommand;
import org.fangpin.monitoring.command.Commands.RecordMonthlyMonitoringCommand;
import org.fangpin.monitoring.command.Commands.Recorded;
import org.fangpin.monitoring.command.Commands.RequestImmediateVisitCommand;
import org.fangpin.monitoring.command.Commands.ResumeRegularMonitoringCommand;
import org.fangpin.monitoring.command.Commands.ScreenDepartmentHitsCommand;
import org.fangpin.monitoring.command.Commands.StartLookBackCommand;
import org.fangpin.monitoring.command.Commands.StartMonitoringCommand;
import org.fangpin.monitoring.command.Rules.ClosureOnlyWhenStable;
import org.fangpin.monitoring.command.Rules.MonitoringNotClosed;
import org.fangpin.monitoring.command.Rules.MonthHasBegun;
import org.fangpin.monitoring.command.Rules.MonthWithinMonitoring;
import org.fangpin.monitoring.command.Rules.NoVisitNeedsReason;
import org.fangpin.platform.web.BusinessDay;

/**
 * A household under monthly dynamic monitoring: its months recorded, its open warning and, for a 脱贫户, its
 * three-colour grade. Monitoring continues as look-back (回头看) after the risk is eliminated.
 * <p>
 * A record of the household's latest month (a new month, or a correction of the latest) judges the household
 * afresh: its findings set the warning level, or clear the warning. A record of an earlier month, entered late
 * (补录) or corrected, keeps its findings for its own month and changes no warning: the household's warning is that
 * of its latest month. A department hit only raises or escalates: the next monthly visit is where the household is
 * judged as a whole. Monitoring ends only when the county closes it; a later identification starts it again.
 */
@Aggregate(repository = "monitoredHouseholdRepository")
public class MonitoredHousehold {

    @AggregateIdentifier
    private String householdId;
    private String regionCode;
    private ObjectType objectType;
    private LocalDate startedOn;
    private boolean lookBack;
    private LocalDate lookBackOn;
    private LocalDate closedOn;
    private final Set<YearMonth> recordedMonths = new HashSet<>();
    private YearMonth latestMonth;
    private final Set<YearMonth> missedMonths = new HashSet<>();
    private final Set<String> visitsRequested = new HashSet<>();
    private int warningsRaised;
    private String openWarningId;
    private WarningLevel openLevel;
    private String openRule;
    private ColourGrade colourGrade;

    protected MonitoredHousehold() {
        // for Axon
    }

    /** Starting monitoring of a household already monitored changes nothing; a closed monitoring starts again. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartMonitoringCommand command) {
        if (startedOn != null && closedOn == null) {
            return;
        }
        apply(new MonitoringStarted(command.householdId(), command.regionCode(), command.objectType(),
                command.startedOn()));
    }

    /** @return whether the month was recorded now (not recorded here before) */
    @CommandHandler
    boolean handle(ImportMonthlyMonitoringCommand command) {
        if (recordedMonths.contains(command.record().month())) {
            return false;
        }
        handle(command.record());
        return true;
    }

    /** @return whether the record corrected an earlier one of the month, and the household's standing after it */
    @CommandHandler
    Recorded handle(RecordMonthlyMonitoringCommand command) {
        new MonitoringNotClosed(closedOn).verify();
        new MonthHasBegun(command.month(), command.recordedOn()).verify();
        new MonthWithinMonitoring(command.month(), startedOn).verify();
        new NoVisitNeedsReason(command.contactMethod(), command.noVisitReason()).verify();
        boolean correction = recordedMonths.contains(command.month());
        boolean latest = latestMonth == null || !command.month().isBefore(latestMonth);
        Optional<Finding> decisive = Finding.decisive(WarningRules.judge(command));
        apply(new MonthlyMonitoringRecorded(householdId, regionCode, command.month(), command.perCapitaNetIncome(),
                command.guaranteeGaps().stream().sorted().toList(), correction, command.contactMethod(),
                command.noVisitReason(), command.rigidExpenditures(), command.employmentUnstable(),
                command.emergency(), command.recordedOn(), command.labourCapacity(),
                command.incomeOnlyFromTransfers(), decisive.map(Finding::level).orElse(null),
                decisive.map(Finding::rule).orElse(null)));
        if (latest) {
            judgeLatestMonth(command, decisive);
        }
        return new Recorded(correction, openLevel, colourGrade, decisive.map(Finding::level).orElse(null),
                latestMonth);
    }

    /** The latest month decides the household's warning and, for a 脱贫户, its colour grade. */
    private void judgeLatestMonth(RecordMonthlyMonitoringCommand command, Optional<Finding> decisive) {
        if (decisive.isPresent()) {
            raiseOrChange(decisive.get(), command.recordedOn());
        } else if (openWarningId != null) {
            apply(new WarningCleared(householdId, regionCode, openWarningId, openRule,
                    command.month() + " 月动态监测未发现风险", command.recordedOn()));
        }
        grade(command.recordedOn());
    }

    @CommandHandler
    void handle(ScreenDepartmentHitsCommand command) {
        if (closedOn != null) {
            return;
        }
        Finding.decisive(WarningRules.judge(command.hits()))
                .filter(finding -> openLevel == null || finding.level().compareTo(openLevel) < 0)
                .ifPresent(finding -> raiseOrChange(finding, command.screenedOn()));
        grade(command.screenedOn());
    }

    /**
     * Flagged once per month, and only when the month was due under monitoring and is still unrecorded.
     *
     * @return whether the month was flagged now
     */
    @CommandHandler
    boolean handle(FlagMissedMonitoringCommand command) {
        LocalDate due = command.month().atDay(Math.min(command.dueDay(), command.month().lengthOfMonth()));
        if (closedOn != null || recordedMonths.contains(command.month()) || missedMonths.contains(command.month())
                || startedOn.isAfter(due)) {
            return false;
        }
        apply(new MonthlyMonitoringMissed(householdId, regionCode, command.month(), command.dueDay(),
                command.flaggedOn()));
        return true;
    }

    @CommandHandler
    void handle(StartLookBackCommand command) {
        if (closedOn == null && !lookBack) {
            apply(new LookBackMonitoringStarted(householdId, regionCode, command.startedOn()));
        }
    }

    @CommandHandler
    void handle(ResumeRegularMonitoringCommand command) {
        if (closedOn == null && lookBack) {
            apply(new RegularMonitoringResumed(householdId, regionCode, command.reason(), command.resumedOn()));
        }
    }

    @CommandHandler
    void handle(RequestImmediateVisitCommand command) {
        if (closedOn == null && !visitsRequested.contains(command.hazardId())) {
            apply(new ImmediateVisitRequested(householdId, regionCode, command.hazardId(), command.hazardType(),
                    command.requestedOn()));
        }
    }

    /**
     * 终止监测: an open warning is cleared with the closure, so that no list shows it any longer. The closure is
     * dated the day the county decided it: not before monitoring (or, for a stable household, look-back) began, and
     * more than the policy's allowance back only with the county's note.
     */
    @CommandHandler
    void handle(CloseMonitoringCommand command) {
        new MonitoringNotClosed(closedOn).verify();
        new ClosureOnlyWhenStable(command.reason(), lookBack, openLevel).verify();
        BusinessDay closed = command.closed();
        closed.requireNotBefore(lookBack ? lookBackOn : startedOn, "MONITORING_CLOSURE_BEFORE_PREVIOUS_STEP");
        closed.requireNoteBeyondAllowance("MONITORING_BACKDATING_NOTE_REQUIRED");
        if (openWarningId != null) {
            apply(new WarningCleared(householdId, regionCode, openWarningId, openRule,
                    "终止监测：" + command.reason().chineseName(), closed.on()));
        }
        apply(new MonitoringClosed(householdId, regionCode, command.reason(), command.judgement(), closed.on(),
                closed.keptNote()));
    }

    private void raiseOrChange(Finding finding, LocalDate on) {
        if (openWarningId == null) {
            apply(new WarningRaised(householdId, regionCode, householdId + ":" + (warningsRaised + 1),
                    finding.level(), finding.rule(), finding.observedValue(), finding.threshold(), finding.reason(),
                    on));
        } else if (finding.level() != openLevel) {
            apply(new WarningLevelChanged(householdId, regionCode, openWarningId, openLevel, finding.level(),
                    finding.rule(), finding.observedValue(), finding.threshold(), on));
        }
    }

    /** 三色管理 applies to 脱贫户: red with a Ⅰ warning, yellow with a lesser one, green without. */
    private void grade(LocalDate on) {
        if (objectType != ObjectType.UNSTABLE_ALLEVIATED) {
            return;
        }
        ColourGrade grade = openLevel == null ? ColourGrade.GREEN
                : openLevel == WarningLevel.I_RED ? ColourGrade.RED : ColourGrade.YELLOW;
        if (grade != colourGrade) {
            apply(new ColourGradeChanged(householdId, regionCode, colourGrade, grade, gradeReason(grade), on));
        }
    }

    private static String gradeReason(ColourGrade grade) {
        return switch (grade) {
            case RED -> "存在Ⅰ级（红色）预警：以“补”为主，对标补齐短板";
            case YELLOW -> "存在返贫风险因素：以“扶”为主，提升发展能力";
            case GREEN -> "无预警：以“引”为主，扶志扶智";
        };
    }

    @EventSourcingHandler
    void on(MonitoringStarted event) {
        householdId = event.householdId();
        regionCode = event.regionCode();
        objectType = event.objectType();
        startedOn = event.startedOn();
        lookBack = false;
        closedOn = null;
    }

    @EventSourcingHandler
    void on(MonthlyMonitoringRecorded event) {
        recordedMonths.add(event.month());
        if (latestMonth == null || event.month().isAfter(latestMonth)) {
            latestMonth = event.month();
        }
        if (event.contactMethod() == ContactMethod.HOME_VISIT) {
            visitsRequested.clear();
        }
    }

    @EventSourcingHandler
    void on(WarningRaised event) {
        warningsRaised++;
        openWarningId = event.warningId();
        openLevel = event.level();
        openRule = event.rule();
    }

    @EventSourcingHandler
    void on(WarningLevelChanged event) {
        openLevel = event.to();
        openRule = event.rule();
    }

    @EventSourcingHandler
    void on(WarningCleared event) {
        openWarningId = null;
        openLevel = null;
        openRule = null;
    }

    @EventSourcingHandler
    void on(ColourGradeChanged event) {
        colourGrade = event.to();
    }

    @EventSourcingHandler
    void on(MonthlyMonitoringMissed event) {
        missedMonths.add(event.month());
    }

    @EventSourcingHandler
    void on(LookBackMonitoringStarted event) {
        lookBack = true;
        lookBackOn = event.startedOn();
    }

    @EventSourcingHandler
    void on(RegularMonitoringResumed event) {
        lookBack = false;
    }

    @EventSourcingHandler
    void on(ImmediateVisitRequested event) {
        visitsRequested.add(event.hazardId());
    }

    @EventSourcingHandler
    void on(MonitoringClosed event) {
        closedOn = event.closedOn();
    }
}
