package org.fangpin.assistance.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.fangpin.assistance.command.CaseEvents.WarningAttached;
import org.fangpin.assistance.command.Commands.ImportEliminationCommand;
import org.fangpin.assistance.command.Commands.ImportMeasureCommand;
import org.fangpin.assistance.command.MonitoringFacts.MonthRecord;
import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.assistance.DevelopmentalAssistanceConfirmed;
import org.fangpin.contracts.assistance.DevelopmentalAssistanceVillageConfirmed;
import org.fangpin.contracts.assistance.MeasureAdded;
import org.fangpin.contracts.assistance.MeasureUpdated;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.assistance.RiskEliminationProposed;
import org.fangpin.contracts.assistance.RiskEliminationVerified;
import org.fangpin.contracts.assistance.WarningResponded;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.MeasureStatus;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.platform.web.BusinessDay;

/** 存量导入 of a case's history: the live events on the days things happened, judged by the live rules, once. */
class AssistanceHistoryImportTest {

    private static final String HH = "hh-1";
    private static final String VILLAGE = "150724213201";
    private static final LocalDate OPENED_ON = LocalDate.of(2024, 3, 18);
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    private static final LocalDate PLANNED = LocalDate.of(2024, 4, 2);
    private static final LocalDate STARTED = LocalDate.of(2024, 4, 15);
    private static final LocalDate COMPLETED = LocalDate.of(2024, 10, 30);
    private static final String OUTCOME = "护林员岗位年收入1.2万元";
    private static final PolicyThresholds POLICY = PolicyThresholds.of(new BigDecimal("8300.00"),
            new BigDecimal("5000.00"), new BigDecimal("10000.00"), new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 7,
            6);

    private FixtureConfiguration<AssistanceCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AssistanceCase.class);
    }

    private static AssistanceCaseOpened opened() {
        return new AssistanceCaseOpened(HH, VILLAGE, ObjectType.MARGINAL_VULNERABLE, List.of(RiskType.ILLNESS),
                LabourCapacity.FULL, OPENED_ON);
    }

    private static ImportMeasureCommand measure(LocalDate addedOn, LocalDate startedOn, LocalDate completedOn,
                                                String outcome) {
        return new ImportMeasureCommand(HH, "m-1", MeasureType.PUBLIC_WELFARE_JOB, "嘎查护林员公益岗位",
                List.of(RiskType.ILLNESS), "林草局", "包银花", LocalDate.of(2024, 12, 31), addedOn, startedOn,
                completedOn, outcome, new BigDecimal("12000.00"), TODAY);
    }

    private static MeasureAdded added() {
        return new MeasureAdded(HH, VILLAGE, "m-1", MeasureType.PUBLIC_WELFARE_JOB, "嘎查护林员公益岗位",
                List.of(RiskType.ILLNESS), "林草局", "包银花", LocalDate.of(2024, 12, 31), TODAY, PLANNED);
    }

    @Test
    void aMeasureIsPlannedStartedAndCompletedOnItsOwnDaysAndAnswersTheWarningsRaisedByThen() {
        fixture.given(opened(),
                        new WarningAttached(HH, VILLAGE, "w-1", WarningLevel.II_YELLOW, "INCOME_BELOW_WARNING_LINE",
                                "收入下降", LocalDate.of(2024, 4, 1), false),
                        new WarningAttached(HH, VILLAGE, "w-2", WarningLevel.II_YELLOW, "INCOME_BELOW_WARNING_LINE",
                                "收入下降", LocalDate.of(2025, 5, 1), false))
                .when(measure(PLANNED, STARTED, COMPLETED, OUTCOME))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(added(),
                        new MeasureUpdated(HH, VILLAGE, "m-1", MeasureStatus.IN_PROGRESS, null, null, null, null,
                                TODAY, STARTED),
                        new MeasureUpdated(HH, VILLAGE, "m-1", MeasureStatus.COMPLETED, null, OUTCOME,
                                new BigDecimal("12000.00"), null, TODAY, COMPLETED),
                        new WarningResponded(HH, VILLAGE, "w-1", "m-1", null, TODAY));
    }

    @Test
    void aMeasureImportedAgainChangesNothing() {
        fixture.given(opened(), added())
                .when(measure(PLANNED, STARTED, COMPLETED, OUTCOME))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void theLiveRulesJudgeTheImportedDays() {
        fixture.given(opened())
                .when(measure(OPENED_ON.minusDays(1), null, null, null))
                .expectException(org.fangpin.platform.web.RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("MEASURE_DATE_BEFORE_PREVIOUS_STEP"));
        fixture.given(opened())
                .when(measure(PLANNED, STARTED, COMPLETED, null))
                .expectException(org.fangpin.platform.web.RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("MEASURE_OUTCOME_REQUIRED"));
        fixture.given(opened())
                .when(measure(PLANNED, STARTED, STARTED.minusDays(1), OUTCOME))
                .expectException(org.fangpin.platform.web.RuleViolation.class);
    }

    @Test
    void anEliminationIsImportedWithItsStepsOnTheirDaysAndOnceOnly() {
        LocalDate proposed = LocalDate.of(2024, 12, 10);
        LocalDate verified = LocalDate.of(2024, 12, 12);
        LocalDate approved = LocalDate.of(2024, 12, 16);
        String note = "存量导入：history.csv 第 3 行";
        ImportEliminationCommand command = new ImportEliminationCommand(HH, facts(), facts(),
                new BusinessDay(proposed, TODAY, 40, note), new BusinessDay(verified, TODAY, 40, note),
                new BusinessDay(approved, TODAY, 40, note));
        MeasureUpdated completed = new MeasureUpdated(HH, VILLAGE, "m-1", MeasureStatus.COMPLETED, null, OUTCOME,
                null, null, TODAY, COMPLETED);

        fixture.given(opened(), added(), completed)
                .when(command)
                .expectResultMessagePayload(true)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.equalTo(new DevelopmentalAssistanceVillageConfirmed(HH, VILLAGE,
                                        List.of("m-1"), proposed)),
                                org.hamcrest.Matchers.equalTo(new DevelopmentalAssistanceConfirmed(HH, VILLAGE,
                                        List.of("m-1"), proposed)),
                                org.hamcrest.Matchers.instanceOf(RiskEliminationProposed.class),
                                org.hamcrest.Matchers.equalTo(new RiskEliminationVerified(HH, VILLAGE, verified,
                                        note)),
                                org.hamcrest.Matchers.instanceOf(RiskEliminated.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
        fixture.given(opened(), added(), completed,
                        new RiskEliminated(HH, VILLAGE, List.of(RiskType.ILLNESS), approved, null, note))
                .when(command)
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    private static MonitoringFacts facts() {
        List<MonthRecord> records = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            records.add(new MonthRecord(YearMonth.of(2024, 12).minusMonths(i), new BigDecimal("9100.00"),
                    List.of()));
        }
        return new MonitoringFacts(POLICY, records);
    }
}
