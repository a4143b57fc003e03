package org.fangpin.monitoring.command;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.monitoring.ColourGradeChanged;
import org.fangpin.contracts.monitoring.ImmediateVisitRequested;
import org.fangpin.contracts.monitoring.LookBackMonitoringStarted;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.monitoring.MonthlyMonitoringMissed;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.monitoring.RegularMonitoringResumed;
import org.fangpin.contracts.monitoring.WarningCleared;
import org.fangpin.contracts.monitoring.WarningLevelChanged;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.contracts.value.AreaHazardType;
import org.fangpin.contracts.value.ColourGrade;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.monitoring.command.Commands.DepartmentHit;
import org.fangpin.monitoring.command.Commands.FlagMissedMonitoringCommand;
import org.fangpin.monitoring.command.Commands.RecordMonthlyMonitoringCommand;
import org.fangpin.monitoring.command.Commands.Recorded;
import org.fangpin.monitoring.command.Commands.RequestImmediateVisitCommand;
import org.fangpin.monitoring.command.Commands.ResumeRegularMonitoringCommand;
import org.fangpin.monitoring.command.Commands.ScreenDepartmentHitsCommand;
import org.fangpin.monitoring.command.Commands.StartLookBackCommand;
import org.fangpin.monitoring.command.Commands.StartMonitoringCommand;
import org.fangpin.platform.web.RuleViolation;

class MonitoredHouseholdTest {

    private static final String HOUSEHOLD = "hh-1";
    private static final String VILLAGE = "150724213202";
    private static final String WARNING = HOUSEHOLD + ":1";
    private static final LocalDate JULY_2 = LocalDate.of(2024, 7, 2);
    private static final LocalDate AUGUST_15 = LocalDate.of(2024, 8, 15);
    private static final YearMonth AUGUST = YearMonth.of(2024, 8);
    private static final BigDecimal LINE = new BigDecimal("8300.00");
    private static final BigDecimal MEDICAL_LINE = new BigDecimal("5000.00");
    /** Inner Mongolia 2024: monitoring line 8,300 yuan; warning lines of seeds piece 7; due on the 25th. */
    private static final PolicyThresholds POLICY = PolicyThresholds.of(LINE, MEDICAL_LINE,
            new BigDecimal("10000.00"), new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 15, 6);

    private FixtureConfiguration<MonitoredHousehold> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MonitoredHousehold.class);
    }

    private static MonitoringStarted started(ObjectType type) {
        return new MonitoringStarted(HOUSEHOLD, VILLAGE, type, JULY_2);
    }

    private static MonitoringStarted started() {
        return started(ObjectType.MARGINAL_VULNERABLE);
    }

    private static RecordMonthlyMonitoringCommand record(String income, Set<Guarantee> gaps,
                                                         Map<RigidExpenditure, BigDecimal> spent,
                                                         boolean employmentUnstable) {
        return new RecordMonthlyMonitoringCommand(HOUSEHOLD, AUGUST, new BigDecimal(income), gaps,
                ContactMethod.HOME_VISIT, null, spent, employmentUnstable, null, AUGUST_15, POLICY);
    }

    private static RecordMonthlyMonitoringCommand secure() {
        return record("9600.00", Set.of(), Map.of(), false);
    }

    private static MonthlyMonitoringRecorded recorded(String income, List<Guarantee> gaps,
                                                      Map<RigidExpenditure, BigDecimal> spent,
                                                      boolean employmentUnstable, boolean correction) {
        return new MonthlyMonitoringRecorded(HOUSEHOLD, VILLAGE, AUGUST, new BigDecimal(income), gaps, correction,
                ContactMethod.HOME_VISIT, null, spent, employmentUnstable, null, AUGUST_15);
    }

    private static MonthlyMonitoringRecorded recordedSecure() {
        return recorded("9600.00", List.of(), Map.of(), false, false);
    }

    private static WarningRaised blueWarning() {
        return new WarningRaised(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.III_BLUE, "UNSTABLE_EMPLOYMENT", null,
                null, "家庭成员务工就业不稳，收入来源不稳定", AUGUST_15);
    }

    private static WarningRaised redWarning() {
        return new WarningRaised(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.I_RED, "INCOME_BELOW_MONITORING_LINE",
                new BigDecimal("6100.00"), LINE, "家庭人均纯收入 6100.00 元低于监测收入标准 8300.00 元", AUGUST_15);
    }

    @Test
    void anIdentifiedHouseholdComesUnderMonitoring() {
        fixture.givenNoPriorActivity()
                .when(new StartMonitoringCommand(HOUSEHOLD, VILLAGE, ObjectType.MARGINAL_VULNERABLE, JULY_2))
                .expectEvents(started());
    }

    @Test
    void startingMonitoringOfAMonitoredHouseholdChangesNothing() {
        fixture.given(started())
                .when(new StartMonitoringCommand(HOUSEHOLD, VILLAGE, ObjectType.MARGINAL_VULNERABLE, JULY_2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSecureMonthIsRecordedWithoutWarning() {
        fixture.given(started())
                .when(secure())
                .expectEvents(recordedSecure())
                .expectResultMessagePayload(new Recorded(false, null, null));
    }

    @Test
    void aSecondRecordOfTheSameMonthIsACorrectionBesideTheFirst() {
        fixture.given(started(), recordedSecure())
                .when(record("9800.00", Set.of(), Map.of(), false))
                .expectEvents(recorded("9800.00", List.of(), Map.of(), false, true))
                .expectResultMessagePayload(new Recorded(true, null, null));
    }

    @Test
    void aMonthCannotBeRecordedBeforeItBegins() {
        fixture.given(started())
                .when(new RecordMonthlyMonitoringCommand(HOUSEHOLD, YearMonth.of(2024, 9),
                        new BigDecimal("9600.00"), Set.of(), ContactMethod.HOME_VISIT, null, Map.of(), false,
                        null, AUGUST_15, POLICY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("MONITORING_MONTH_NOT_BEGUN"))
                .expectNoEvents();
    }

    @Test
    void monthsBeforeMonitoringBeganAreNotRecorded() {
        fixture.given(started())
                .when(new RecordMonthlyMonitoringCommand(HOUSEHOLD, YearMonth.of(2024, 6),
                        new BigDecimal("9600.00"), Set.of(), ContactMethod.HOME_VISIT, null, Map.of(), false,
                        null, AUGUST_15, POLICY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("MONITORING_MONTH_BEFORE_START"))
                .expectNoEvents();
    }

    @Test
    void aPhoneCallInsteadOfAVisitSaysWhy() {
        fixture.given(started())
                .when(new RecordMonthlyMonitoringCommand(HOUSEHOLD, AUGUST, new BigDecimal("9600.00"), Set.of(),
                        ContactMethod.PHONE, " ", Map.of(), false, null, AUGUST_15, POLICY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("MONITORING_NO_VISIT_REASON"))
                .expectNoEvents();
    }

    @Test
    void aPhoneCallWithItsReasonIsRecorded() {
        fixture.given(started())
                .when(new RecordMonthlyMonitoringCommand(HOUSEHOLD, AUGUST, new BigDecimal("9600.00"), Set.of(),
                        ContactMethod.PHONE, "户主外出务工，电话回访", Map.of(), false, null, AUGUST_15, POLICY))
                .expectEvents(new MonthlyMonitoringRecorded(HOUSEHOLD, VILLAGE, AUGUST, new BigDecimal("9600.00"),
                        List.of(), false, ContactMethod.PHONE, "户主外出务工，电话回访", Map.of(), false, null,
                        AUGUST_15));
    }

    @Test
    void incomeBelowTheMonitoringLineRaisesARedWarning() {
        fixture.given(started())
                .when(record("6100.00", Set.of(), Map.of(), false))
                .expectEvents(recorded("6100.00", List.of(), Map.of(), false, false), redWarning());
    }

    @Test
    void aGapInTheGuaranteesRaisesARedWarningNamingTheGaps() {
        fixture.given(started())
                .when(record("9600.00", Set.of(Guarantee.DRINKING_WATER, Guarantee.HOUSING_SAFETY), Map.of(),
                        false))
                .expectEvents(recorded("9600.00", List.of(Guarantee.HOUSING_SAFETY, Guarantee.DRINKING_WATER),
                                Map.of(), false, false),
                        new WarningRaised(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.I_RED, "GUARANTEE_GAP",
                                new BigDecimal(2), BigDecimal.ZERO, "“两不愁三保障”及饮水安全存在缺项：住房安全、饮水安全",
                                AUGUST_15));
    }

    @Test
    void medicalCostsAboveTheWarningLineRaiseAYellowWarning() {
        Map<RigidExpenditure, BigDecimal> spent = Map.of(RigidExpenditure.MEDICAL, new BigDecimal("12600.00"));
        fixture.given(started())
                .when(record("9600.00", Set.of(), spent, false))
                .expectEvents(recorded("9600.00", List.of(), spent, false, false),
                        new WarningRaised(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.II_YELLOW,
                                "MEDICAL_EXPENDITURE_ABOVE_WARNING_LINE", new BigDecimal("12600.00"), MEDICAL_LINE,
                                "因病自付医疗费用 12600.00 元超过预警线 5000.00 元", AUGUST_15));
    }

    @Test
    void medicalCostsAtTheWarningLineRaiseNothing() {
        Map<RigidExpenditure, BigDecimal> spent = Map.of(RigidExpenditure.MEDICAL, MEDICAL_LINE);
        fixture.given(started())
                .when(record("9600.00", Set.of(), spent, false))
                .expectEvents(recorded("9600.00", List.of(), spent, false, false));
    }

    @Test
    void unstableEmploymentRaisesABlueWarning() {
        fixture.given(started())
                .when(record("9600.00", Set.of(), Map.of(), true))
                .expectEvents(recorded("9600.00", List.of(), Map.of(), true, false), blueWarning());
    }

    @Test
    void aWorseMonthRaisesTheLevelOfTheOpenWarning() {
        fixture.given(started(), recorded("9600.00", List.of(), Map.of(), true, false), blueWarning())
                .when(record("6100.00", Set.of(), Map.of(), true))
                .expectEvents(recorded("6100.00", List.of(), Map.of(), true, true),
                        new WarningLevelChanged(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.III_BLUE,
                                WarningLevel.I_RED, "INCOME_BELOW_MONITORING_LINE", new BigDecimal("6100.00"), LINE,
                                AUGUST_15));
    }

    @Test
    void aBetterMonthLowersTheLevelOfTheOpenWarning() {
        fixture.given(started(), recorded("6100.00", List.of(), Map.of(), false, false), redWarning())
                .when(record("9600.00", Set.of(), Map.of(), true))
                .expectEvents(recorded("9600.00", List.of(), Map.of(), true, true),
                        new WarningLevelChanged(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.I_RED,
                                WarningLevel.III_BLUE, "UNSTABLE_EMPLOYMENT", null, null, AUGUST_15));
    }

    @Test
    void aMonthWithoutRiskClearsTheOpenWarning() {
        fixture.given(started(), recorded("6100.00", List.of(), Map.of(), false, false), redWarning())
                .when(secure())
                .expectEvents(recorded("9600.00", List.of(), Map.of(), false, true),
                        new WarningCleared(HOUSEHOLD, VILLAGE, WARNING, "INCOME_BELOW_MONITORING_LINE",
                                "2024-08 月动态监测未发现风险", AUGUST_15));
    }

    @Test
    void theSameLevelAgainChangesNothingOnTheWarning() {
        fixture.given(started(), recorded("6100.00", List.of(), Map.of(), false, false), redWarning())
                .when(record("6000.00", Set.of(), Map.of(), false))
                .expectEvents(recorded("6000.00", List.of(), Map.of(), false, true));
    }

    private final DepartmentHit medical = new DepartmentHit(Indicator.MEDICAL_SELF_PAID,
            new BigDecimal("18000.00"), MEDICAL_LINE, LocalDate.of(2024, 8, 3));
    private final DepartmentHit dropOut = new DepartmentHit(Indicator.SCHOOL_DROP_OUT, null, null,
            LocalDate.of(2024, 8, 3));

    @Test
    void aHitOnAHouseholdWithoutWarningRaisesOne() {
        fixture.given(started())
                .when(new ScreenDepartmentHitsCommand(HOUSEHOLD, "batch-1", List.of(medical), AUGUST_15))
                .expectEvents(new WarningRaised(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.II_YELLOW,
                        "DEPARTMENT_MEDICAL_SELF_PAID", new BigDecimal("18000.00"), MEDICAL_LINE,
                        "医保局数据：医疗自付费用 18000.00 元超过预警线 5000.00 元", AUGUST_15));
    }

    @Test
    void theMostUrgentHitDecidesAndEscalatesTheOpenWarning() {
        fixture.given(started(), recorded("9600.00", List.of(), Map.of(), true, false), blueWarning())
                .when(new ScreenDepartmentHitsCommand(HOUSEHOLD, "batch-1", List.of(medical, dropOut), AUGUST_15))
                .expectEvents(new WarningLevelChanged(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.III_BLUE,
                        WarningLevel.I_RED, "DEPARTMENT_SCHOOL_DROP_OUT", null, null, AUGUST_15));
    }

    @Test
    void aHitNeverLowersAnOpenWarning() {
        fixture.given(started(), recorded("6100.00", List.of(), Map.of(), false, false), redWarning())
                .when(new ScreenDepartmentHitsCommand(HOUSEHOLD, "batch-1", List.of(medical), AUGUST_15))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPovertyAlleviatedHouseholdWithoutWarningIsGreen() {
        fixture.given(started(ObjectType.UNSTABLE_ALLEVIATED))
                .when(secure())
                .expectEvents(recordedSecure(), new ColourGradeChanged(HOUSEHOLD, VILLAGE, null, ColourGrade.GREEN,
                        "无预警：以“引”为主，扶志扶智", AUGUST_15));
    }

    @Test
    void aRedWarningMakesItRed() {
        fixture.given(started(ObjectType.UNSTABLE_ALLEVIATED), recordedSecure(),
                        new ColourGradeChanged(HOUSEHOLD, VILLAGE, null, ColourGrade.GREEN, "无预警", AUGUST_15))
                .when(record("6100.00", Set.of(), Map.of(), false))
                .expectEvents(recorded("6100.00", List.of(), Map.of(), false, true), redWarning(),
                        new ColourGradeChanged(HOUSEHOLD, VILLAGE, ColourGrade.GREEN, ColourGrade.RED,
                                "存在Ⅰ级（红色）预警：以“补”为主，对标补齐短板", AUGUST_15));
    }

    @Test
    void aLesserWarningMakesItYellow() {
        fixture.given(started(ObjectType.UNSTABLE_ALLEVIATED))
                .when(record("9600.00", Set.of(), Map.of(), true))
                .expectEvents(recorded("9600.00", List.of(), Map.of(), true, false), blueWarning(),
                        new ColourGradeChanged(HOUSEHOLD, VILLAGE, null, ColourGrade.YELLOW,
                                "存在返贫风险因素：以“扶”为主，提升发展能力", AUGUST_15));
    }

    @Test
    void marginalHouseholdsAreNotColourGraded() {
        fixture.given(started(ObjectType.MARGINAL_VULNERABLE))
                .when(secure())
                .expectEvents(recordedSecure());
    }

    private final FlagMissedMonitoringCommand august = new FlagMissedMonitoringCommand(HOUSEHOLD, AUGUST, 25,
            LocalDate.of(2024, 8, 26));

    @Test
    void anUnrecordedMonthIsFlagged() {
        fixture.given(started())
                .when(august)
                .expectEvents(new MonthlyMonitoringMissed(HOUSEHOLD, VILLAGE, AUGUST, 25, LocalDate.of(2024, 8, 26)));
    }

    @Test
    void aMonthIsFlaggedOnlyOnce() {
        fixture.given(started(), new MonthlyMonitoringMissed(HOUSEHOLD, VILLAGE, AUGUST, 25,
                        LocalDate.of(2024, 8, 26)))
                .when(august)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRecordedMonthIsNotFlagged() {
        fixture.given(started(), recordedSecure())
                .when(august)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMonthDueBeforeMonitoringBeganIsNotFlagged() {
        fixture.given(new MonitoringStarted(HOUSEHOLD, VILLAGE, ObjectType.MARGINAL_VULNERABLE,
                        LocalDate.of(2024, 8, 28)))
                .when(august)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void afterEliminationMonitoringContinuesAsLookBack() {
        fixture.given(started())
                .when(new StartLookBackCommand(HOUSEHOLD, AUGUST_15))
                .expectEvents(new LookBackMonitoringStarted(HOUSEHOLD, VILLAGE, AUGUST_15));
    }

    @Test
    void aRollbackResumesRegularMonitoring() {
        fixture.given(started(), new LookBackMonitoringStarted(HOUSEHOLD, VILLAGE, AUGUST_15))
                .when(new ResumeRegularMonitoringCommand(HOUSEHOLD, "收入再次低于监测收入标准", AUGUST_15))
                .expectEvents(new RegularMonitoringResumed(HOUSEHOLD, VILLAGE, "收入再次低于监测收入标准",
                        AUGUST_15));
    }

    @Test
    void aRollbackOfRegularMonitoringChangesNothing() {
        fixture.given(started())
                .when(new ResumeRegularMonitoringCommand(HOUSEHOLD, "重复的回退", AUGUST_15))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private final RequestImmediateVisitCommand snowstorm = new RequestImmediateVisitCommand(HOUSEHOLD, "hz-1",
            AreaHazardType.DISASTER, AUGUST_15);

    @Test
    void aHazardInTheVillageAsksForAnImmediateVisit() {
        fixture.given(started())
                .when(snowstorm)
                .expectEvents(new ImmediateVisitRequested(HOUSEHOLD, VILLAGE, "hz-1", AreaHazardType.DISASTER,
                        AUGUST_15));
    }

    @Test
    void theSameHazardAsksOnlyOnce() {
        fixture.given(started(), new ImmediateVisitRequested(HOUSEHOLD, VILLAGE, "hz-1", AreaHazardType.DISASTER,
                        AUGUST_15))
                .when(snowstorm)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
