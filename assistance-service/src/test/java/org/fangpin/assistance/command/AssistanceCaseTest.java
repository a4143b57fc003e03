package org.fangpin.assistance.command;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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
import org.fangpin.assistance.command.MonitoringFacts.MonthRecord;
import org.fangpin.contracts.assistance.AssistanceCaseClosed;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.assistance.DevelopmentalAssistanceConfirmed;
import org.fangpin.contracts.assistance.DevelopmentalAssistanceVillageConfirmed;
import org.fangpin.contracts.assistance.EliminationEvidence;
import org.fangpin.contracts.assistance.EliminationEvidence.MonthlyIncome;
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
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.MeasureStatus;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.ReviewLevel;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.platform.web.BusinessDay;
import org.fangpin.platform.web.RuleViolation;

class AssistanceCaseTest {

    private static final String HH = "hh-1";
    private static final String VILLAGE = "150724213201";
    private static final LocalDate OPENED_ON = LocalDate.of(2024, 5, 2);
    private static final LocalDate TODAY = LocalDate.of(2024, 12, 10);
    private static final BigDecimal LINE = new BigDecimal("8300.00");
    private static final PolicyThresholds POLICY = PolicyThresholds.of(LINE, new BigDecimal("5000.00"),
            new BigDecimal("10000.00"), new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 7, 6);

    private FixtureConfiguration<AssistanceCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AssistanceCase.class);
    }

    private static AssistanceCaseOpened opened(LabourCapacity labour) {
        return new AssistanceCaseOpened(HH, VILLAGE, ObjectType.MARGINAL_VULNERABLE, List.of(RiskType.ILLNESS), labour,
                OPENED_ON);
    }

    private static MeasureAdded measureAdded(String id, MeasureType type) {
        return new MeasureAdded(HH, VILLAGE, id, type, "扶持养殖肉牛5头", List.of(RiskType.ILLNESS), "农牧和科技局",
                "包银花", TODAY.plusDays(30), OPENED_ON.plusDays(3));
    }

    private static MeasureUpdated started(String id) {
        return new MeasureUpdated(HH, VILLAGE, id, MeasureStatus.IN_PROGRESS, null, null, null, null,
                OPENED_ON.plusDays(10));
    }

    private static MeasureUpdated completed(String id) {
        return new MeasureUpdated(HH, VILLAGE, id, MeasureStatus.COMPLETED, null, "已在镇内肉牛合作社稳定务工，月工资3200元",
                new BigDecimal("4800.00"), null, TODAY.minusDays(5));
    }

    private static MeasureUpdated ended(String id) {
        return new MeasureUpdated(HH, VILLAGE, id, MeasureStatus.ENDED, "养殖项目取消", null, null, null,
                OPENED_ON.plusDays(20));
    }

    private static WarningAttached warning(String id, boolean lookBack) {
        return new WarningAttached(HH, VILLAGE, id, WarningLevel.II_YELLOW, "INCOME_BELOW_WARNING_LINE",
                "家庭人均纯收入低于预警线", TODAY.minusDays(10), lookBack);
    }

    /** Seven months above the line, newest first, all guarantees secure. */
    private static List<MonthRecord> stableRecords() {
        List<MonthRecord> records = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            records.add(new MonthRecord(YearMonth.of(2024, 12).minusMonths(i), new BigDecimal("9100.00"), List.of()));
        }
        return records;
    }

    private static MonitoringFacts stableFacts() {
        return new MonitoringFacts(POLICY, stableRecords());
    }

    private static EliminationEvidence evidence() {
        return evidence(MeasureType.EMPLOYMENT);
    }

    /** The evidence of {@link #readyForElimination()}: the employment measure completed, and these carried out. */
    private static EliminationEvidence evidence(MeasureType... carriedOut) {
        return new EliminationEvidence(TODAY, LINE, 6,
                stableRecords().stream().map(r -> new MonthlyIncome(r.month(), r.perCapitaNetIncome())).toList(),
                7, 6, List.of(), List.of(carriedOut), List.of(RiskType.ILLNESS), List.of(MeasureType.EMPLOYMENT));
    }

    /** An able household with an employment measure completed with its outcome, confirmed at village and township. */
    private static Object[] readyForElimination() {
        return new Object[]{opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT), started("m-1"),
                completed("m-1"),
                new DevelopmentalAssistanceVillageConfirmed(HH, VILLAGE, List.of("m-1"), OPENED_ON.plusDays(40)),
                new DevelopmentalAssistanceConfirmed(HH, VILLAGE, List.of("m-1"), OPENED_ON.plusDays(45))};
    }

    private static Object[] with(Object[] given, Object... more) {
        List<Object> all = new ArrayList<>(List.of(given));
        all.addAll(List.of(more));
        return all.toArray();
    }

    private static Object[] eliminated() {
        return with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY),
                new RiskEliminationVerified(HH, VILLAGE, TODAY),
                new RiskEliminated(HH, VILLAGE, List.of(RiskType.ILLNESS), TODAY, evidence()));
    }

    @Nested
    class OpeningTheCase {

        @Test
        void anIdentifiedHouseholdGetsAnAssistanceCaseWithItsRisksAndLabourCapacity() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAssistanceCaseCommand(HH, VILLAGE, ObjectType.MARGINAL_VULNERABLE,
                            List.of(RiskType.ILLNESS), LabourCapacity.FULL, OPENED_ON))
                    .expectEvents(opened(LabourCapacity.FULL));
        }

        @Test
        void openingAnOpenCaseAgainChangesNothing() {
            fixture.given(opened(LabourCapacity.FULL))
                    .when(new OpenAssistanceCaseCommand(HH, VILLAGE, ObjectType.MARGINAL_VULNERABLE,
                            List.of(RiskType.ILLNESS), LabourCapacity.FULL, OPENED_ON))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aReidentifiedHouseholdsEliminatedCaseOpensAgainWithItsNewRisks() {
            AssistanceCaseOpened reopened = new AssistanceCaseOpened(HH, VILLAGE, ObjectType.SUDDEN_HARDSHIP,
                    List.of(RiskType.DISASTER), LabourCapacity.FULL, TODAY.plusDays(20));
            fixture.given(eliminated())
                    .when(new OpenAssistanceCaseCommand(HH, VILLAGE, ObjectType.SUDDEN_HARDSHIP,
                            List.of(RiskType.DISASTER), LabourCapacity.FULL, TODAY.plusDays(20)))
                    .expectEvents(reopened);
        }
    }

    @Nested
    class Measures {

        private AddMeasureCommand add(String id, MeasureType type, LocalDate dueDate) {
            return new AddMeasureCommand(HH, id, type, "扶持养殖肉牛5头", List.of(RiskType.ILLNESS), "农牧和科技局", "包银花",
                    dueDate, OPENED_ON.plusDays(3));
        }

        private UpdateMeasureCommand update(String id, MeasureStatus status, String note) {
            return new UpdateMeasureCommand(HH, id, status, note, null, null, null, 6, TODAY);
        }

        @Test
        void aMeasureJoinsThePlanWithItsDepartmentPersonAndDeadline() {
            fixture.given(opened(LabourCapacity.FULL))
                    .when(add("m-1", MeasureType.EMPLOYMENT, TODAY.plusDays(30)))
                    .expectEvents(measureAdded("m-1", MeasureType.EMPLOYMENT));
        }

        @Test
        void aDeadlineInThePastIsRefused() {
            fixture.given(opened(LabourCapacity.FULL))
                    .when(add("m-1", MeasureType.EMPLOYMENT, OPENED_ON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("MEASURE_DUE_DATE_PAST"))
                    .expectNoEvents();
        }

        @Test
        void safetyNetAloneForAHouseholdAbleToWorkIsRefused() {
            fixture.given(opened(LabourCapacity.FULL))
                    .when(add("m-1", MeasureType.SAFETY_NET, TODAY.plusDays(30)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("SAFETY_NET_ONLY_PLAN"))
                    .expectNoEvents();
        }

        @Test
        void safetyNetNextToADevelopmentTypeMeasureIsAccepted() {
            fixture.given(opened(LabourCapacity.PARTIAL), measureAdded("m-1", MeasureType.PUBLIC_WELFARE_JOB))
                    .when(add("m-2", MeasureType.SAFETY_NET, TODAY.plusDays(30)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void safetyNetForAHouseholdWithoutLabourCapacityIsAccepted() {
            fixture.given(opened(LabourCapacity.NONE))
                    .when(add("m-1", MeasureType.SAFETY_NET, TODAY.plusDays(30)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void progressOutcomeAndIncomeEffectAreRecorded() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT))
                    .when(new UpdateMeasureCommand(HH, "m-1", MeasureStatus.COMPLETED, "已在镇内肉牛合作社稳定务工",
                            "月工资3200元", new BigDecimal("4800.00"), null, 6, TODAY))
                    .expectEvents(new MeasureUpdated(HH, VILLAGE, "m-1", MeasureStatus.COMPLETED, "已在镇内肉牛合作社稳定务工",
                            "月工资3200元", new BigDecimal("4800.00"), null, TODAY));
        }

        @Test
        void aMeasureIsNotCompletedWithoutItsOutcome() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT), started("m-1"))
                    .when(update("m-1", MeasureStatus.COMPLETED, "已上岗"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("MEASURE_OUTCOME_REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void anOutcomeRecordedBeforeCompletesTheMeasure() {
            MeasureUpdated outcome = new MeasureUpdated(HH, VILLAGE, "m-1", null, null, "月工资3200元", null, null,
                    TODAY.minusDays(3));
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT), started("m-1"),
                            outcome)
                    .when(update("m-1", MeasureStatus.COMPLETED, null))
                    .expectEvents(new MeasureUpdated(HH, VILLAGE, "m-1", MeasureStatus.COMPLETED, null, null, null,
                            null, TODAY));
        }

        @Test
        void theOnlyDevelopmentTypeMeasureBesideSafetyNetDoesNotEndUnstarted() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.INDUSTRY),
                            measureAdded("m-2", MeasureType.SAFETY_NET), started("m-2"))
                    .when(update("m-1", MeasureStatus.ENDED, "养殖项目取消"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("SAFETY_NET_ONLY_PLAN"))
                    .expectNoEvents();
        }

        @Test
        void aDevelopmentTypeMeasureEndedAfterItStartedStillCountsBesideSafetyNet() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.INDUSTRY), started("m-1"),
                            measureAdded("m-2", MeasureType.SAFETY_NET), started("m-2"))
                    .when(update("m-1", MeasureStatus.ENDED, "合作社停产"))
                    .expectEvents(new MeasureUpdated(HH, VILLAGE, "m-1", MeasureStatus.ENDED, "合作社停产", null, null,
                            null, TODAY));
        }

        @Test
        void aDevelopmentTypeMeasureEndedUnstartedDoesNotOpenTheWayToSafetyNet() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.INDUSTRY), ended("m-1"))
                    .when(add("m-2", MeasureType.SAFETY_NET, TODAY.plusDays(30)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("SAFETY_NET_ONLY_PLAN"))
                    .expectNoEvents();
        }

        @Test
        void anUnknownMeasureIsNotFound() {
            fixture.given(opened(LabourCapacity.FULL))
                    .when(update("m-9", MeasureStatus.IN_PROGRESS, null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("MEASURE_NOT_FOUND"));
        }

        @Test
        void aCompletedMeasureCannotChange() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT),
                            completed("m-1"))
                    .when(update("m-1", null, "补充说明"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("MEASURE_CLOSED"))
                    .expectNoEvents();
        }

        @Test
        void statusOnlyMovesForward() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT), started("m-1"))
                    .when(update("m-1", MeasureStatus.PLANNED, null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("MEASURE_STATUS_NOT_ALLOWED"));
        }

        @Test
        void anUpdateThatChangesNothingIsRefused() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT))
                    .when(update("m-1", null, null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("MEASURE_UPDATE_EMPTY"));
        }

        @Test
        void endingASafetyNetMeasureStartsItsGradualExitOfThePolicysMonths() {
            fixture.given(opened(LabourCapacity.NONE), measureAdded("m-1", MeasureType.SAFETY_NET), started("m-1"))
                    .when(update("m-1", MeasureStatus.ENDED, "家庭人均收入已超过低保标准"))
                    .expectEvents(new MeasureUpdated(HH, VILLAGE, "m-1", null, "家庭人均收入已超过低保标准", null, null, null,
                                    TODAY),
                            new GradualExitStarted(HH, VILLAGE, "m-1", TODAY, TODAY.plusMonths(6)));
        }

        @Test
        void duringTheGradualExitOnlyProgressNotesAreTaken() {
            fixture.given(opened(LabourCapacity.NONE), measureAdded("m-1", MeasureType.SAFETY_NET), started("m-1"),
                            new GradualExitStarted(HH, VILLAGE, "m-1", TODAY, TODAY.plusMonths(6)))
                    .when(update("m-1", MeasureStatus.ENDED, null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("MEASURE_IN_GRADUAL_EXIT"));
        }

        @Test
        void theMeasureEndsWhenItsGradualExitIsOverAndNotBefore() {
            Object[] exiting = {opened(LabourCapacity.NONE), measureAdded("m-1", MeasureType.SAFETY_NET),
                    started("m-1"), new GradualExitStarted(HH, VILLAGE, "m-1", TODAY, TODAY.plusMonths(6))};
            fixture.given(exiting)
                    .when(new CompleteGradualExitCommand(HH, "m-1", TODAY.plusMonths(6).minusDays(1)))
                    .expectNoEvents();
            fixture.given(exiting)
                    .when(new CompleteGradualExitCommand(HH, "m-1", TODAY.plusMonths(6)))
                    .expectEvents(new GradualExitCompleted(HH, VILLAGE, "m-1", TODAY.plusMonths(6)));
        }

        @Test
        void aMeasurePastItsDeadlineIsFlaggedOnce() {
            LocalDate late = TODAY.plusDays(31);
            MeasureOverdue overdue = new MeasureOverdue(HH, VILLAGE, "m-1", MeasureType.EMPLOYMENT, "农牧和科技局",
                    TODAY.plusDays(30), late);
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT))
                    .when(new FlagMeasureOverdueCommand(HH, "m-1", late))
                    .expectEvents(overdue);
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT), overdue)
                    .when(new FlagMeasureOverdueCommand(HH, "m-1", late.plusDays(1)))
                    .expectNoEvents();
        }

        @Test
        void aMeasureDoneOrNotYetDueIsNotFlagged() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT))
                    .when(new FlagMeasureOverdueCommand(HH, "m-1", TODAY.plusDays(30)))
                    .expectNoEvents();
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT),
                            completed("m-1"))
                    .when(new FlagMeasureOverdueCommand(HH, "m-1", TODAY.plusDays(60)))
                    .expectNoEvents();
        }
    }

    @Nested
    class Warnings {

        @Test
        void aWarningFromMonitoringAttachesOnce() {
            fixture.given(opened(LabourCapacity.FULL))
                    .when(new AttachWarningCommand(HH, "w-1", WarningLevel.II_YELLOW, "INCOME_BELOW_WARNING_LINE",
                            "家庭人均纯收入低于预警线", TODAY.minusDays(10)))
                    .expectEvents(warning("w-1", false));
            fixture.given(opened(LabourCapacity.FULL), warning("w-1", false))
                    .when(new AttachWarningCommand(HH, "w-1", WarningLevel.II_YELLOW, "INCOME_BELOW_WARNING_LINE",
                            "家庭人均纯收入低于预警线", TODAY.minusDays(10)))
                    .expectNoEvents();
        }

        @Test
        void aWarningAfterEliminationIsALookBackFinding() {
            fixture.given(eliminated())
                    .when(new AttachWarningCommand(HH, "w-1", WarningLevel.II_YELLOW, "INCOME_BELOW_WARNING_LINE",
                            "家庭人均纯收入低于预警线", TODAY.minusDays(10)))
                    .expectEvents(warning("w-1", true));
        }

        @Test
        void anEscalatedWarningWaitsForANewResponse() {
            WarningResponded answered = new WarningResponded(HH, VILLAGE, "w-1", null, "说明", TODAY.minusDays(9));
            fixture.given(opened(LabourCapacity.FULL), warning("w-1", false), answered,
                            new WarningLevelNoted(HH, "w-1", WarningLevel.I_RED, true, TODAY.minusDays(5)))
                    .when(new FlagWarningResponseOverdueCommand(HH, "w-1", TODAY.minusDays(2), TODAY))
                    .expectEvents(new WarningResponseOverdue(HH, VILLAGE, "w-1", WarningLevel.I_RED,
                            TODAY.minusDays(5), TODAY.minusDays(2), TODAY));
        }

        @Test
        void aChangeOfLevelAndTheClearingFollowTheWarning() {
            fixture.given(opened(LabourCapacity.FULL), warning("w-1", false))
                    .when(new ChangeWarningLevelCommand(HH, "w-1", WarningLevel.I_RED, TODAY))
                    .expectEvents(new WarningLevelNoted(HH, "w-1", WarningLevel.I_RED, true, TODAY));
            fixture.given(opened(LabourCapacity.FULL), warning("w-1", false))
                    .when(new ChangeWarningLevelCommand(HH, "w-1", WarningLevel.III_BLUE, TODAY))
                    .expectEvents(new WarningLevelNoted(HH, "w-1", WarningLevel.III_BLUE, false, TODAY));
            fixture.given(opened(LabourCapacity.FULL), warning("w-1", false))
                    .when(new CloseWarningCommand(HH, "w-1", TODAY))
                    .expectEvents(new WarningClosed(HH, "w-1", TODAY));
        }

        @Test
        void aNewMeasureAnswersTheWarningsWaiting() {
            fixture.given(opened(LabourCapacity.FULL), warning("w-1", false))
                    .when(new AddMeasureCommand(HH, "m-1", MeasureType.EMPLOYMENT, "扶持养殖肉牛5头",
                            List.of(RiskType.ILLNESS), "农牧和科技局", "包银花", TODAY.plusDays(30), OPENED_ON.plusDays(3)))
                    .expectEvents(measureAdded("m-1", MeasureType.EMPLOYMENT),
                            new WarningResponded(HH, VILLAGE, "w-1", "m-1", null, OPENED_ON.plusDays(3)));
        }

        @Test
        void aRecordedReasonAnswersAWarningOnce() {
            WarningResponded answered = new WarningResponded(HH, VILLAGE, "w-1", null, "已有措施覆盖，收入下降为季节性", TODAY);
            fixture.given(opened(LabourCapacity.FULL), warning("w-1", false))
                    .when(new RespondToWarningCommand(HH, "w-1", "已有措施覆盖，收入下降为季节性", TODAY))
                    .expectEvents(answered);
            fixture.given(opened(LabourCapacity.FULL), warning("w-1", false), answered)
                    .when(new RespondToWarningCommand(HH, "w-1", "再次说明", TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("WARNING_ALREADY_RESPONDED"));
        }

        @Test
        void aClearedWarningNeedsNoAnswer() {
            fixture.given(opened(LabourCapacity.FULL), warning("w-1", false), new WarningClosed(HH, "w-1", TODAY))
                    .when(new RespondToWarningCommand(HH, "w-1", "说明", TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("WARNING_NOT_OPEN"));
        }

        @Test
        void aWarningUnansweredPastItsDaysIsFlaggedOnce() {
            LocalDate dueOn = TODAY.minusDays(3);
            WarningResponseOverdue overdue = new WarningResponseOverdue(HH, VILLAGE, "w-1", WarningLevel.II_YELLOW,
                    TODAY.minusDays(10), dueOn, TODAY);
            fixture.given(opened(LabourCapacity.FULL), warning("w-1", false))
                    .when(new FlagWarningResponseOverdueCommand(HH, "w-1", dueOn, TODAY))
                    .expectEvents(overdue);
            fixture.given(opened(LabourCapacity.FULL), warning("w-1", false), overdue)
                    .when(new FlagWarningResponseOverdueCommand(HH, "w-1", dueOn, TODAY.plusDays(1)))
                    .expectNoEvents();
        }

        @Test
        void anAnsweredWarningIsNotFlagged() {
            fixture.given(opened(LabourCapacity.FULL), warning("w-1", false),
                            new WarningResponded(HH, VILLAGE, "w-1", null, "说明", TODAY.minusDays(5)))
                    .when(new FlagWarningResponseOverdueCommand(HH, "w-1", TODAY.minusDays(3), TODAY))
                    .expectNoEvents();
        }
    }

    @Nested
    class PolicyMarks {

        @Test
        void villageThenTownshipConfirmDevelopmentalAssistance() {
            Object[] carriedOut = {opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT),
                    started("m-1")};
            DevelopmentalAssistanceVillageConfirmed byVillage =
                    new DevelopmentalAssistanceVillageConfirmed(HH, VILLAGE, List.of("m-1"), TODAY);
            fixture.given(carriedOut)
                    .when(new ConfirmDevelopmentalAssistanceCommand(HH, ReviewLevel.VILLAGE, TODAY))
                    .expectEvents(byVillage);
            fixture.given(with(carriedOut, byVillage))
                    .when(new ConfirmDevelopmentalAssistanceCommand(HH, ReviewLevel.TOWNSHIP, TODAY))
                    .expectEvents(new DevelopmentalAssistanceConfirmed(HH, VILLAGE, List.of("m-1"), TODAY));
        }

        @Test
        void confirmationDoesNotCountADevelopmentTypeMeasureEndedUnstarted() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.INDUSTRY), ended("m-1"))
                    .when(new ConfirmDevelopmentalAssistanceCommand(HH, ReviewLevel.VILLAGE, TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("DEVELOPMENTAL_MEASURE_MISSING"));
        }

        @Test
        void confirmationCountsADevelopmentTypeMeasureCarriedOutAndEndedSince() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.INDUSTRY), started("m-1"),
                            ended("m-1"))
                    .when(new ConfirmDevelopmentalAssistanceCommand(HH, ReviewLevel.VILLAGE, TODAY))
                    .expectEvents(new DevelopmentalAssistanceVillageConfirmed(HH, VILLAGE, List.of("m-1"), TODAY));
        }

        @Test
        void theTownshipDoesNotConfirmBeforeTheVillage() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT), started("m-1"))
                    .when(new ConfirmDevelopmentalAssistanceCommand(HH, ReviewLevel.TOWNSHIP, TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("DEVELOPMENTAL_STEP_ORDER"));
        }

        @Test
        void confirmationNeedsADevelopmentTypeMeasureCarriedOut() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT))
                    .when(new ConfirmDevelopmentalAssistanceCommand(HH, ReviewLevel.VILLAGE, TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("DEVELOPMENTAL_MEASURE_MISSING"));
        }

        @Test
        void aHouseholdWithoutLabourCapacityGetsNoDevelopmentalConfirmation() {
            fixture.given(opened(LabourCapacity.NONE))
                    .when(new ConfirmDevelopmentalAssistanceCommand(HH, ReviewLevel.VILLAGE, TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("DEVELOPMENTAL_NEEDS_LABOUR_CAPACITY"));
        }

        @Test
        void aLevelConfirmsOnlyOnce() {
            fixture.given(readyForElimination())
                    .when(new ConfirmDevelopmentalAssistanceCommand(HH, ReviewLevel.TOWNSHIP, TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("DEVELOPMENTAL_ALREADY_CONFIRMED"));
        }

        @Test
        void villageThenTownshipDesignateASafetyNetHousehold() {
            SafetyNetHouseholdProposed byVillage = new SafetyNetHouseholdProposed(HH, VILLAGE, "户主重度残疾，配偶年逾七十", TODAY);
            fixture.given(opened(LabourCapacity.NONE))
                    .when(new DesignateSafetyNetHouseholdCommand(HH, ReviewLevel.VILLAGE, "户主重度残疾，配偶年逾七十", TODAY))
                    .expectEvents(byVillage);
            fixture.given(opened(LabourCapacity.NONE), byVillage)
                    .when(new DesignateSafetyNetHouseholdCommand(HH, ReviewLevel.TOWNSHIP, "核实无误", TODAY))
                    .expectEvents(new SafetyNetHouseholdDesignated(HH, VILLAGE, TODAY));
        }

        @Test
        void aHouseholdAbleToWorkIsNotASafetyNetHousehold() {
            fixture.given(opened(LabourCapacity.PARTIAL))
                    .when(new DesignateSafetyNetHouseholdCommand(HH, ReviewLevel.VILLAGE, "说明", TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("SAFETY_NET_NEEDS_NO_LABOUR_CAPACITY"));
        }

        @Test
        void theTownshipDoesNotDesignateBeforeTheVillage() {
            fixture.given(opened(LabourCapacity.NONE))
                    .when(new DesignateSafetyNetHouseholdCommand(HH, ReviewLevel.TOWNSHIP, "说明", TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("SAFETY_NET_STEP_ORDER"));
        }
    }

    @Nested
    class Elimination {

        @Test
        void aHouseholdMeetingEveryCriterionIsProposedWithItsEvidence() {
            fixture.given(readyForElimination())
                    .when(new ProposeEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectEvents(new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY));
        }

        @Test
        void theRefusalNamesEachFailedCriterion() {
            List<MonthRecord> shortRun = stableRecords().subList(0, 4);
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT), started("m-1"),
                            warning("w-1", false))
                    .when(new ProposeEliminationCommand(HH, new MonitoringFacts(POLICY, shortRun), BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(allOf(containsString("INCOME_STABLY_ABOVE_LINE"),
                            containsString("NO_OPEN_WARNING"), containsString("DEVELOPMENTAL_ASSISTANCE_CONFIRMED"),
                            not(containsString("MONITORED_LONG_ENOUGH")), not(containsString("RISKS_ADDRESSED"))))
                    .expectNoEvents();
        }

        @Test
        void aMeasureStillInProgressIsNotAssistanceCarriedThrough() {
            Object[] inProgress = {opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT),
                    started("m-1"),
                    new DevelopmentalAssistanceVillageConfirmed(HH, VILLAGE, List.of("m-1"), OPENED_ON.plusDays(40)),
                    new DevelopmentalAssistanceConfirmed(HH, VILLAGE, List.of("m-1"), OPENED_ON.plusDays(45))};
            fixture.given(inProgress)
                    .when(new ProposeEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(allOf(containsString("MEASURE_COMPLETED"),
                            not(containsString("MEASURE_CARRIED_OUT")), not(containsString("RISKS_ADDRESSED"))))
                    .expectNoEvents();
        }

        @Test
        void aMeasureCompletedWithoutAnOutcomeOnRecordDoesNotCount() {
            MeasureUpdated completedSilently = new MeasureUpdated(HH, VILLAGE, "m-1", MeasureStatus.COMPLETED, null,
                    null, null, null, TODAY.minusDays(5));
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT), started("m-1"),
                            completedSilently,
                            new DevelopmentalAssistanceVillageConfirmed(HH, VILLAGE, List.of("m-1"), TODAY),
                            new DevelopmentalAssistanceConfirmed(HH, VILLAGE, List.of("m-1"), TODAY))
                    .when(new ProposeEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("MEASURE_COMPLETED"))
                    .expectNoEvents();
        }

        @Test
        void aPlanWithNothingCarriedOutIsNamedAsSuch() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT))
                    .when(new ProposeEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(allOf(containsString("MEASURE_CARRIED_OUT"),
                            not(containsString("MEASURE_COMPLETED"))))
                    .expectNoEvents();
        }

        @Test
        void aGuaranteeGapAndAnUnaddressedRiskStopTheProposal() {
            List<MonthRecord> records = new ArrayList<>(stableRecords());
            records.set(0, new MonthRecord(YearMonth.of(2024, 12), new BigDecimal("9100.00"),
                    List.of(Guarantee.HOUSING_SAFETY)));
            MeasureAdded untargeted = new MeasureAdded(HH, VILLAGE, "m-1", MeasureType.EMPLOYMENT, "公益岗位", List.of(),
                    "人社局", "包银花", TODAY.plusDays(30), OPENED_ON.plusDays(3));
            fixture.given(opened(LabourCapacity.FULL), untargeted, started("m-1"))
                    .when(new ProposeEliminationCommand(HH, new MonitoringFacts(POLICY, records), BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(allOf(containsString("GUARANTEES_SECURE"),
                            containsString("RISKS_ADDRESSED")));
        }

        @Test
        void aHouseholdWithoutLabourCapacityGoesToTheSafetyNetNotToElimination() {
            fixture.given(opened(LabourCapacity.NONE), measureAdded("m-1", MeasureType.SAFETY_NET), started("m-1"),
                            new SafetyNetHouseholdProposed(HH, VILLAGE, "说明", TODAY),
                            new SafetyNetHouseholdDesignated(HH, VILLAGE, TODAY))
                    .when(new ProposeEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(allOf(containsString("HAS_LABOUR_CAPACITY"),
                            containsString("NOT_SAFETY_NET_HOUSEHOLD")));
        }

        @Test
        void aSecondProposalWhileOneIsUnderWayIsRefused() {
            fixture.given(with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY)))
                    .when(new ProposeEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ELIMINATION_ALREADY_PROPOSED"));
        }

        @Test
        void theTownshipVerifiesTheProposal() {
            fixture.given(with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY)))
                    .when(new VerifyEliminationCommand(HH, BusinessDay.today(TODAY)))
                    .expectEvents(new RiskEliminationVerified(HH, VILLAGE, TODAY));
        }

        @Test
        void theCountyCannotApproveBeforeTheTownshipVerified() {
            fixture.given(with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY)))
                    .when(new ApproveEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ELIMINATION_STEP_ORDER"))
                    .expectNoEvents();
        }

        @Test
        void theCountyApprovesAndTheDecisionKeepsItsEvidence() {
            fixture.given(with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY),
                            new RiskEliminationVerified(HH, VILLAGE, TODAY)))
                    .when(new ApproveEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectEvents(new RiskEliminated(HH, VILLAGE, List.of(RiskType.ILLNESS), TODAY, evidence()));
        }

        @Test
        void safetyNetSupportInEffectEntersItsGradualExitWithTheElimination() {
            fixture.given(with(readyForElimination(), measureAdded("m-2", MeasureType.SAFETY_NET), started("m-2"),
                            new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY),
                            new RiskEliminationVerified(HH, VILLAGE, TODAY)))
                    .when(new ApproveEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectEvents(new RiskEliminated(HH, VILLAGE, List.of(RiskType.ILLNESS), TODAY,
                                    evidence(MeasureType.EMPLOYMENT, MeasureType.SAFETY_NET)),
                            new GradualExitStarted(HH, VILLAGE, "m-2", TODAY, TODAY.plusMonths(6)));
        }

        @Test
        void theCountyJudgesTheCriteriaAgain() {
            fixture.given(with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY),
                            new RiskEliminationVerified(HH, VILLAGE, TODAY), warning("w-1", false)))
                    .when(new ApproveEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("NO_OPEN_WARNING"))
                    .expectNoEvents();
        }

        @Test
        void aSecondApprovalIsRefused() {
            fixture.given(eliminated())
                    .when(new ApproveEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("RISK_ALREADY_ELIMINATED"))
                    .expectNoEvents();
        }

        @Test
        void theTownshipReturnsAProposalAndTheVillageMayProposeAgain() {
            RiskEliminationReturned returned = new RiskEliminationReturned(HH, VILLAGE, ReviewLevel.TOWNSHIP,
                    "务工收入佐证材料不全", TODAY);
            fixture.given(with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY)))
                    .when(new ReturnEliminationCommand(HH, ReviewLevel.TOWNSHIP, "务工收入佐证材料不全", TODAY))
                    .expectEvents(returned);
            fixture.given(with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY),
                            returned))
                    .when(new ProposeEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectEvents(new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY));
        }

        @Test
        void theCountyReturnsOnlyWhatTheTownshipVerified() {
            fixture.given(with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY)))
                    .when(new ReturnEliminationCommand(HH, ReviewLevel.COUNTY, "说明", TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ELIMINATION_STEP_ORDER"));
            fixture.given(with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY),
                            new RiskEliminationVerified(HH, VILLAGE, TODAY)))
                    .when(new ReturnEliminationCommand(HH, ReviewLevel.COUNTY, "收入稳定性存疑", TODAY))
                    .expectEvents(new RiskEliminationReturned(HH, VILLAGE, ReviewLevel.COUNTY, "收入稳定性存疑", TODAY));
        }
    }

    @Nested
    class ClosedWithTheMonitoring {

        private final AssistanceCaseClosed closed = new AssistanceCaseClosed(HH, VILLAGE, ClosureReason.MOVED_AWAY,
                TODAY);

        @Test
        void theCaseClosesOnceWithTheCountysReason() {
            fixture.given(readyForElimination())
                    .when(new CloseAssistanceCaseCommand(HH, ClosureReason.MOVED_AWAY, TODAY))
                    .expectEvents(closed);
            fixture.given(with(readyForElimination(), closed))
                    .when(new CloseAssistanceCaseCommand(HH, ClosureReason.MOVED_AWAY, TODAY))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aClosureOfAnEarlierCaseLeavesTheCaseOpenedSinceAlone() {
            fixture.given(opened(LabourCapacity.FULL))
                    .when(new CloseAssistanceCaseCommand(HH, ClosureReason.MOVED_AWAY, OPENED_ON.minusDays(1)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aClosedCaseIsNotProposedForElimination() {
            fixture.given(with(readyForElimination(), closed))
                    .when(new ProposeEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ASSISTANCE_CASE_CLOSED"))
                    .expectNoEvents();
        }

        @Test
        void anEliminationUnderWayStopsAtTheClosure() {
            fixture.given(with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY),
                            new RiskEliminationVerified(HH, VILLAGE, TODAY), closed))
                    .when(new ApproveEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ASSISTANCE_CASE_CLOSED"))
                    .expectNoEvents();
        }

        @Test
        void aClosedCaseIsNotProposedForRollback() {
            fixture.given(with(eliminated(), new AssistanceCaseClosed(HH, VILLAGE,
                            ClosureReason.STABLE_AFTER_LOOK_BACK, TODAY)))
                    .when(new ProposeRollbackCommand(HH, "回头看发现收入回落", BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ASSISTANCE_CASE_CLOSED"))
                    .expectNoEvents();
        }

        @Test
        void aClosedCaseTakesNoNewMeasure() {
            fixture.given(opened(LabourCapacity.FULL), closed)
                    .when(new AddMeasureCommand(HH, "m-1", MeasureType.EMPLOYMENT, "推荐务工", List.of(RiskType.ILLNESS),
                            "人社局", "包银花", TODAY.plusDays(30), TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ASSISTANCE_CASE_CLOSED"))
                    .expectNoEvents();
        }

        @Test
        void theOpenMeasuresOfAClosedCaseNoLongerFallDue() {
            fixture.given(opened(LabourCapacity.FULL), measureAdded("m-1", MeasureType.EMPLOYMENT), closed)
                    .when(new FlagMeasureOverdueCommand(HH, "m-1", TODAY.plusDays(60)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aNewIdentificationOpensTheClosedCaseAgain() {
            fixture.given(opened(LabourCapacity.FULL), closed)
                    .when(new OpenAssistanceCaseCommand(HH, VILLAGE, ObjectType.SUDDEN_HARDSHIP,
                            List.of(RiskType.DISASTER), LabourCapacity.FULL, TODAY.plusDays(90)))
                    .expectEvents(new AssistanceCaseOpened(HH, VILLAGE, ObjectType.SUDDEN_HARDSHIP,
                            List.of(RiskType.DISASTER), LabourCapacity.FULL, TODAY.plusDays(90)));
        }
    }

    /** Steps entered after they happened (补录) carry their day; the rules judge by it. */
    @Nested
    class BusinessDates {

        private static final String NOTE = "县级审定会议纸质决定，系统补录";
        private static final String REASON = "回头看发现务工中断，收入回落";
        private final LocalDate recorded = TODAY.plusDays(60);

        private Object[] verified() {
            return with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY),
                    new RiskEliminationVerified(HH, VILLAGE, TODAY));
        }

        @Test
        void anEliminationApprovedLongBeforeItIsRecordedCarriesItsDayAndTheNote() {
            fixture.given(verified())
                    .when(new ApproveEliminationCommand(HH, stableFacts(),
                            new BusinessDay(TODAY, recorded, 40, " " + NOTE + " ")))
                    .expectEvents(new RiskEliminated(HH, VILLAGE, List.of(RiskType.ILLNESS), TODAY, evidence(),
                            NOTE));
        }

        @Test
        void anEliminationMoreThanTheAllowanceBackWithoutANoteIsRefused() {
            fixture.given(verified())
                    .when(new ApproveEliminationCommand(HH, stableFacts(), new BusinessDay(TODAY, recorded, 40, null)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ASSISTANCE_BACKDATING_NOTE_REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void aStepWithinTheAllowanceNeedsNoNoteAndKeepsNone() {
            fixture.given(with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY)))
                    .when(new VerifyEliminationCommand(HH, new BusinessDay(TODAY.plusDays(2), TODAY.plusDays(42), 40,
                            null)))
                    .expectEvents(new RiskEliminationVerified(HH, VILLAGE, TODAY.plusDays(2)));
        }

        @Test
        void noStepOfTheEliminationPrecedesTheOneItFollows() {
            fixture.given(with(readyForElimination(), new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY)))
                    .when(new VerifyEliminationCommand(HH, BusinessDay.today(TODAY.minusDays(1))))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ELIMINATION_DATE_BEFORE_PREVIOUS_STEP"))
                    .expectNoEvents();
            fixture.given(verified())
                    .when(new ApproveEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY.minusDays(1))))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ELIMINATION_DATE_BEFORE_PREVIOUS_STEP"))
                    .expectNoEvents();
            fixture.given(readyForElimination())
                    .when(new ProposeEliminationCommand(HH, stableFacts(), BusinessDay.today(OPENED_ON.minusDays(1))))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ELIMINATION_DATE_BEFORE_PREVIOUS_STEP"))
                    .expectNoEvents();
        }

        @Test
        void theCriteriaAreJudgedAsOfTheDayOfTheStep() {
            fixture.given(readyForElimination())
                    .when(new ProposeEliminationCommand(HH, stableFacts(), BusinessDay.today(OPENED_ON.plusMonths(3))))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("MONITORED_LONG_ENOUGH"))
                    .expectNoEvents();
        }

        @Test
        void aRollbackFollowsTheEliminationAndANewEliminationTheRollback() {
            fixture.given(eliminated())
                    .when(new ProposeRollbackCommand(HH, REASON, BusinessDay.today(TODAY.minusDays(1))))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ROLLBACK_DATE_BEFORE_PREVIOUS_STEP"))
                    .expectNoEvents();
            Object[] proposed = with(eliminated(), new RiskRollbackProposed(HH, VILLAGE, REASON, TODAY.plusDays(3)));
            fixture.given(proposed)
                    .when(new VerifyRollbackCommand(HH, BusinessDay.today(TODAY.plusDays(2))))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ROLLBACK_DATE_BEFORE_PREVIOUS_STEP"))
                    .expectNoEvents();
            fixture.given(with(proposed, new RiskRollbackVerified(HH, VILLAGE, TODAY.plusDays(4))))
                    .when(new ApproveRollbackCommand(HH, new BusinessDay(TODAY.plusDays(5), recorded, 40, NOTE)))
                    .expectEvents(new RiskRolledBack(HH, VILLAGE, REASON, TODAY.plusDays(5), NOTE));
            fixture.given(with(proposed, new RiskRollbackVerified(HH, VILLAGE, TODAY.plusDays(4)),
                            new RiskRolledBack(HH, VILLAGE, REASON, TODAY.plusDays(5))))
                    .when(new ProposeEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY.plusDays(4))))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ELIMINATION_DATE_BEFORE_PREVIOUS_STEP"))
                    .expectNoEvents();
        }
    }

    @Nested
    class LookBackAndRollback {

        private static final String REASON = "回头看发现务工中断，收入回落至监测收入标准以下";

        @Test
        void aRiskNotEliminatedIsNotRolledBack() {
            fixture.given(readyForElimination())
                    .when(new ProposeRollbackCommand(HH, REASON, BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ROLLBACK_NEEDS_ELIMINATION"));
        }

        @Test
        void aRollbackProposalAnswersTheLookBackWarning() {
            fixture.given(with(eliminated(), warning("w-2", true)))
                    .when(new ProposeRollbackCommand(HH, REASON, BusinessDay.today(TODAY)))
                    .expectEvents(new RiskRollbackProposed(HH, VILLAGE, REASON, TODAY),
                            new WarningResponded(HH, VILLAGE, "w-2", null, REASON, TODAY));
        }

        @Test
        void theTownshipReviewsAndTheCountyApprovesTheRollback() {
            Object[] proposed = with(eliminated(), new RiskRollbackProposed(HH, VILLAGE, REASON, TODAY));
            fixture.given(proposed)
                    .when(new VerifyRollbackCommand(HH, BusinessDay.today(TODAY)))
                    .expectEvents(new RiskRollbackVerified(HH, VILLAGE, TODAY));
            fixture.given(with(proposed, new RiskRollbackVerified(HH, VILLAGE, TODAY)))
                    .when(new ApproveRollbackCommand(HH, BusinessDay.today(TODAY)))
                    .expectEvents(new RiskRolledBack(HH, VILLAGE, REASON, TODAY));
        }

        @Test
        void theCountyCannotApproveARollbackBeforeTheTownship() {
            fixture.given(with(eliminated(), new RiskRollbackProposed(HH, VILLAGE, REASON, TODAY)))
                    .when(new ApproveRollbackCommand(HH, BusinessDay.today(TODAY)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ROLLBACK_STEP_ORDER"))
                    .expectNoEvents();
        }

        @Test
        void aReturnedRollbackMayBeProposedAgain() {
            RiskRollbackReturned returned = new RiskRollbackReturned(HH, VILLAGE, ReviewLevel.TOWNSHIP, "收入已恢复", TODAY);
            fixture.given(with(eliminated(), new RiskRollbackProposed(HH, VILLAGE, REASON, TODAY)))
                    .when(new ReturnRollbackCommand(HH, ReviewLevel.TOWNSHIP, "收入已恢复", TODAY))
                    .expectEvents(returned);
            fixture.given(with(eliminated(), new RiskRollbackProposed(HH, VILLAGE, REASON, TODAY), returned))
                    .when(new ProposeRollbackCommand(HH, REASON, BusinessDay.today(TODAY)))
                    .expectEvents(new RiskRollbackProposed(HH, VILLAGE, REASON, TODAY));
        }

        @Test
        void aRolledBackCaseIsOpenAgainAndCanBeEliminatedAgain() {
            fixture.given(with(eliminated(), new RiskRollbackProposed(HH, VILLAGE, REASON, TODAY),
                            new RiskRollbackVerified(HH, VILLAGE, TODAY),
                            new RiskRolledBack(HH, VILLAGE, REASON, TODAY)))
                    .when(new ProposeEliminationCommand(HH, stableFacts(), BusinessDay.today(TODAY)))
                    .expectEvents(new RiskEliminationProposed(HH, VILLAGE, evidence(), TODAY));
        }

        @Test
        void aNewDifferentRiskAfterEliminationIsReportedForReidentification() {
            fixture.given(eliminated())
                    .when(new ReportNewRiskCommand(HH, List.of(RiskType.DISASTER), "暴雪致棚圈倒塌", TODAY))
                    .expectEvents(new NewRiskReported(HH, VILLAGE, List.of(RiskType.DISASTER), "暴雪致棚圈倒塌", TODAY));
        }

        @Test
        void aRiskIdentifiedBeforeIsARollbackNotANewRisk() {
            fixture.given(eliminated())
                    .when(new ReportNewRiskCommand(HH, List.of(RiskType.ILLNESS), "旧病复发", TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("NEW_RISK_NOT_NEW"));
        }

        @Test
        void aNewRiskBeforeEliminationBelongsToTheOpenCase() {
            fixture.given(readyForElimination())
                    .when(new ReportNewRiskCommand(HH, List.of(RiskType.DISASTER), "暴雪", TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("NEW_RISK_NEEDS_ELIMINATION"));
        }
    }
}
