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
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.WarningGrades;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.monitoring.command.Commands.DepartmentHit;
import org.fangpin.monitoring.command.Commands.FlagMissedMonitoringCommand;
import org.fangpin.monitoring.command.Commands.ImportMonthlyMonitoringCommand;
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
                ContactMethod.HOME_VISIT, null, spent, employmentUnstable, null, null, false, AUGUST_15, POLICY);
    }

    private static RecordMonthlyMonitoringCommand secure() {
        return record("9600.00", Set.of(), Map.of(), false);
    }

    /** August recorded, its own findings graded {@code level} by {@code rule} (none when null). */
    private static MonthlyMonitoringRecorded recorded(String income, List<Guarantee> gaps,
                                                      Map<RigidExpenditure, BigDecimal> spent,
                                                      boolean employmentUnstable, boolean correction,
                                                      WarningLevel level, String rule) {
        return new MonthlyMonitoringRecorded(HOUSEHOLD, VILLAGE, AUGUST, new BigDecimal(income), gaps, correction,
                ContactMethod.HOME_VISIT, null, spent, employmentUnstable, null, AUGUST_15, null, false, level, rule);
    }

    private static MonthlyMonitoringRecorded recorded(String income, boolean correction) {
        return recorded(income, List.of(), Map.of(), false, correction, null, null);
    }

    private static MonthlyMonitoringRecorded recordedBelowLine(String income, boolean correction) {
        return recorded(income, List.of(), Map.of(), false, correction, WarningLevel.I_RED,
                "INCOME_BELOW_MONITORING_LINE");
    }

    private static MonthlyMonitoringRecorded recordedUnstable(String income, boolean correction) {
        return recorded(income, List.of(), Map.of(), true, correction, WarningLevel.III_BLUE, "UNSTABLE_EMPLOYMENT");
    }

    private static MonthlyMonitoringRecorded recordedSecure() {
        return recorded("9600.00", false);
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
                .expectResultMessagePayload(new Recorded(false, null, null, null, AUGUST));
    }

    @Test
    void aSecondRecordOfTheSameMonthIsACorrectionBesideTheFirst() {
        fixture.given(started(), recordedSecure())
                .when(record("9800.00", Set.of(), Map.of(), false))
                .expectEvents(recorded("9800.00", true))
                .expectResultMessagePayload(new Recorded(true, null, null, null, AUGUST));
    }

    @Test
    void anImportedMonthIsRecordedAsTheLiveRecordIsWithItsWarning() {
        fixture.given(started())
                .when(new ImportMonthlyMonitoringCommand(HOUSEHOLD, record("6100.00", Set.of(), Map.of(), false)))
                .expectEvents(recordedBelowLine("6100.00", false), redWarning())
                .expectResultMessagePayload(true);
    }

    @Test
    void anImportedMonthRecordedHereAlreadyChangesNothing() {
        fixture.given(started(), recordedSecure())
                .when(new ImportMonthlyMonitoringCommand(HOUSEHOLD, record("6100.00", Set.of(), Map.of(), false)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aMonthCannotBeRecordedBeforeItBegins() {
        fixture.given(started())
                .when(new RecordMonthlyMonitoringCommand(HOUSEHOLD, YearMonth.of(2024, 9),
                        new BigDecimal("9600.00"), Set.of(), ContactMethod.HOME_VISIT, null, Map.of(), false,
                        null, null, false, AUGUST_15, POLICY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("MONITORING_MONTH_NOT_BEGUN"))
                .expectNoEvents();
    }

    @Test
    void monthsBeforeMonitoringBeganAreNotRecorded() {
        fixture.given(started())
                .when(new RecordMonthlyMonitoringCommand(HOUSEHOLD, YearMonth.of(2024, 6),
                        new BigDecimal("9600.00"), Set.of(), ContactMethod.HOME_VISIT, null, Map.of(), false,
                        null, null, false, AUGUST_15, POLICY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("MONITORING_MONTH_BEFORE_START"))
                .expectNoEvents();
    }

    @Test
    void aPhoneCallInsteadOfAVisitSaysWhy() {
        fixture.given(started())
                .when(new RecordMonthlyMonitoringCommand(HOUSEHOLD, AUGUST, new BigDecimal("9600.00"), Set.of(),
                        ContactMethod.PHONE, " ", Map.of(), false, null, null, false, AUGUST_15, POLICY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("MONITORING_NO_VISIT_REASON"))
                .expectNoEvents();
    }

    @Test
    void aPhoneCallWithItsReasonIsRecorded() {
        fixture.given(started())
                .when(new RecordMonthlyMonitoringCommand(HOUSEHOLD, AUGUST, new BigDecimal("9600.00"), Set.of(),
                        ContactMethod.PHONE, "户主外出务工，电话回访", Map.of(), false, null, null, false, AUGUST_15,
                        POLICY))
                .expectEvents(new MonthlyMonitoringRecorded(HOUSEHOLD, VILLAGE, AUGUST, new BigDecimal("9600.00"),
                        List.of(), false, ContactMethod.PHONE, "户主外出务工，电话回访", Map.of(), false, null,
                        AUGUST_15));
    }

    @Test
    void incomeBelowTheMonitoringLineRaisesARedWarning() {
        fixture.given(started())
                .when(record("6100.00", Set.of(), Map.of(), false))
                .expectEvents(recordedBelowLine("6100.00", false), redWarning());
    }

    @Test
    void aGapInTheGuaranteesRaisesARedWarningNamingTheGaps() {
        fixture.given(started())
                .when(record("9600.00", Set.of(Guarantee.DRINKING_WATER, Guarantee.HOUSING_SAFETY), Map.of(),
                        false))
                .expectEvents(recorded("9600.00", List.of(Guarantee.HOUSING_SAFETY, Guarantee.DRINKING_WATER),
                                Map.of(), false, false, WarningLevel.I_RED, "GUARANTEE_GAP"),
                        new WarningRaised(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.I_RED, "GUARANTEE_GAP",
                                new BigDecimal(2), BigDecimal.ZERO, "“两不愁三保障”及饮水安全存在缺项：住房安全、饮水安全",
                                AUGUST_15));
    }

    /** Piece 8: a large rigid expenditure (因病因残因意外事故等刚性支出较大) is grade Ⅰ. */
    @Test
    void medicalCostsAboveTheWarningLineRaiseARedWarning() {
        Map<RigidExpenditure, BigDecimal> spent = Map.of(RigidExpenditure.MEDICAL, new BigDecimal("12600.00"));
        fixture.given(started())
                .when(record("9600.00", Set.of(), spent, false))
                .expectEvents(recorded("9600.00", List.of(), spent, false, false, WarningLevel.I_RED,
                                "MEDICAL_EXPENDITURE_ABOVE_WARNING_LINE"),
                        new WarningRaised(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.I_RED,
                                "MEDICAL_EXPENDITURE_ABOVE_WARNING_LINE", new BigDecimal("12600.00"), MEDICAL_LINE,
                                "因病自付医疗费用 12600.00 元超过预警线 5000.00 元", AUGUST_15));
    }

    @Test
    void medicalCostsAtTheWarningLineRaiseNothing() {
        Map<RigidExpenditure, BigDecimal> spent = Map.of(RigidExpenditure.MEDICAL, MEDICAL_LINE);
        fixture.given(started())
                .when(record("9600.00", Set.of(), spent, false))
                .expectEvents(recorded("9600.00", List.of(), spent, false, false, null, null));
    }

    @Test
    void unstableEmploymentRaisesABlueWarning() {
        fixture.given(started())
                .when(record("9600.00", Set.of(), Map.of(), true))
                .expectEvents(recordedUnstable("9600.00", false), blueWarning());
    }

    private static RecordMonthlyMonitoringCommand labour(LabourCapacity capacity, boolean onlyTransfers) {
        return new RecordMonthlyMonitoringCommand(HOUSEHOLD, AUGUST, new BigDecimal("9600.00"), Set.of(),
                ContactMethod.HOME_VISIT, null, Map.of(), false, null, capacity, onlyTransfers, AUGUST_15, POLICY);
    }

    private static MonthlyMonitoringRecorded recordedLabour(LabourCapacity capacity, boolean onlyTransfers,
                                                            WarningLevel level, String rule) {
        return new MonthlyMonitoringRecorded(HOUSEHOLD, VILLAGE, AUGUST, new BigDecimal("9600.00"), List.of(), false,
                ContactMethod.HOME_VISIT, null, Map.of(), false, null, AUGUST_15, capacity, onlyTransfers, level,
                rule);
    }

    /** Piece 8: 完全丧失劳动能力…导致基本生活出现严重困难 is grade Ⅰ. */
    @Test
    void labourCapacityLostEntirelyWithNothingToLiveOnRaisesARedWarning() {
        fixture.given(started())
                .when(labour(LabourCapacity.NONE, false))
                .expectEvents(recordedLabour(LabourCapacity.NONE, false, WarningLevel.I_RED, "LABOUR_CAPACITY_LOST"),
                        new WarningRaised(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.I_RED, "LABOUR_CAPACITY_LOST",
                                null, null, "家庭劳动力完全丧失劳动能力，收入无保障", AUGUST_15));
    }

    /** Piece 8: 无劳动力…收入仅靠资金帮扶、产业分红等方式带动 is grade Ⅱ. */
    @Test
    void noLabourCapacityAndIncomeOnlyFromTransfersRaisesAYellowWarning() {
        fixture.given(started())
                .when(labour(LabourCapacity.NONE, true))
                .expectEvents(recordedLabour(LabourCapacity.NONE, true, WarningLevel.II_YELLOW,
                                "INCOME_ONLY_FROM_TRANSFERS"),
                        new WarningRaised(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.II_YELLOW,
                                "INCOME_ONLY_FROM_TRANSFERS", null, null,
                                "无劳动能力，收入仅靠资金帮扶、产业分红等转移性收入", AUGUST_15));
    }

    /** Piece 8: 因病因残等部分丧失劳动力 is grade Ⅲ. */
    @Test
    void labourCapacityPartlyLostRaisesABlueWarning() {
        fixture.given(started())
                .when(labour(LabourCapacity.PARTIAL, false))
                .expectEvents(recordedLabour(LabourCapacity.PARTIAL, false, WarningLevel.III_BLUE,
                                "LABOUR_CAPACITY_PARTLY_LOST"),
                        new WarningRaised(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.III_BLUE,
                                "LABOUR_CAPACITY_PARTLY_LOST", null, null, "家庭劳动力因病因残等部分丧失劳动能力",
                                AUGUST_15));
    }

    @Test
    void fullLabourCapacityLivingOnTransfersRaisesNothing() {
        fixture.given(started())
                .when(labour(LabourCapacity.FULL, true))
                .expectEvents(recordedLabour(LabourCapacity.FULL, true, null, null));
    }

    @Test
    void aPolicyThatRegradesARuleChangesTheLevelItRaises() {
        PolicyThresholds regraded = new PolicyThresholds(LINE, MEDICAL_LINE, new BigDecimal("10000.00"),
                new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 15, 6, Map.of(),
                Map.of(WarningGrades.UNSTABLE_EMPLOYMENT, WarningLevel.II_YELLOW), null);
        fixture.given(started())
                .when(new RecordMonthlyMonitoringCommand(HOUSEHOLD, AUGUST, new BigDecimal("9600.00"), Set.of(),
                        ContactMethod.HOME_VISIT, null, Map.of(), true, null, null, false, AUGUST_15, regraded))
                .expectEvents(recorded("9600.00", List.of(), Map.of(), true, false, WarningLevel.II_YELLOW,
                                "UNSTABLE_EMPLOYMENT"),
                        new WarningRaised(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.II_YELLOW, "UNSTABLE_EMPLOYMENT",
                                null, null, "家庭成员务工就业不稳，收入来源不稳定", AUGUST_15));
    }

    @Test
    void aWorseMonthRaisesTheLevelOfTheOpenWarning() {
        fixture.given(started(), recordedUnstable("9600.00", false), blueWarning())
                .when(record("6100.00", Set.of(), Map.of(), true))
                .expectEvents(recorded("6100.00", List.of(), Map.of(), true, true, WarningLevel.I_RED,
                                "INCOME_BELOW_MONITORING_LINE"),
                        new WarningLevelChanged(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.III_BLUE,
                                WarningLevel.I_RED, "INCOME_BELOW_MONITORING_LINE", new BigDecimal("6100.00"), LINE,
                                AUGUST_15));
    }

    @Test
    void aBetterMonthLowersTheLevelOfTheOpenWarning() {
        fixture.given(started(), recordedBelowLine("6100.00", false), redWarning())
                .when(record("9600.00", Set.of(), Map.of(), true))
                .expectEvents(recordedUnstable("9600.00", true),
                        new WarningLevelChanged(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.I_RED,
                                WarningLevel.III_BLUE, "UNSTABLE_EMPLOYMENT", null, null, AUGUST_15));
    }

    @Test
    void aMonthWithoutRiskClearsTheOpenWarning() {
        fixture.given(started(), recordedBelowLine("6100.00", false), redWarning())
                .when(secure())
                .expectEvents(recorded("9600.00", true),
                        new WarningCleared(HOUSEHOLD, VILLAGE, WARNING, "INCOME_BELOW_MONITORING_LINE",
                                "2024-08 月动态监测未发现风险", AUGUST_15));
    }

    @Test
    void theSameLevelAgainChangesNothingOnTheWarning() {
        fixture.given(started(), recordedBelowLine("6100.00", false), redWarning())
                .when(record("6000.00", Set.of(), Map.of(), false))
                .expectEvents(recordedBelowLine("6000.00", true));
    }

    private static final YearMonth MAY = YearMonth.of(2024, 5);
    private static final YearMonth JUNE = YearMonth.of(2024, 6);
    private static final LocalDate JUNE_20 = LocalDate.of(2024, 6, 20);
    private static final LocalDate JULY_5 = LocalDate.of(2024, 7, 5);

    private static MonitoringStarted startedInApril() {
        return new MonitoringStarted(HOUSEHOLD, VILLAGE, ObjectType.UNSTABLE_ALLEVIATED, LocalDate.of(2024, 4, 10));
    }

    private static RecordMonthlyMonitoringCommand month(YearMonth month, String income, LocalDate recordedOn) {
        return new RecordMonthlyMonitoringCommand(HOUSEHOLD, month, new BigDecimal(income), Set.of(),
                ContactMethod.HOME_VISIT, null, Map.of(), false, null, null, false, recordedOn, POLICY);
    }

    private static MonthlyMonitoringRecorded monthRecorded(YearMonth month, String income, boolean correction,
                                                           LocalDate recordedOn) {
        boolean below = new BigDecimal(income).compareTo(LINE) < 0;
        return new MonthlyMonitoringRecorded(HOUSEHOLD, VILLAGE, month, new BigDecimal(income), List.of(), correction,
                ContactMethod.HOME_VISIT, null, Map.of(), false, null, recordedOn, null, false,
                below ? WarningLevel.I_RED : null, below ? "INCOME_BELOW_MONITORING_LINE" : null);
    }

    /** June's Ⅰ warning, with the 脱贫户's red grade. */
    private static Object[] juneBelowTheLine() {
        return new Object[] {startedInApril(), monthRecorded(JUNE, "6100.00", false, JUNE_20),
                new WarningRaised(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.I_RED, "INCOME_BELOW_MONITORING_LINE",
                        new BigDecimal("6100.00"), LINE, "家庭人均纯收入 6100.00 元低于监测收入标准 8300.00 元", JUNE_20),
                new ColourGradeChanged(HOUSEHOLD, VILLAGE, null, ColourGrade.RED, "存在Ⅰ级（红色）预警", JUNE_20)};
    }

    /** Cadres often enter a month late (补录): May, entered after June, is May's record and nothing more. */
    @Test
    void aMayEnteredAfterJuneLeavesJunesRedWarningOpen() {
        fixture.given(juneBelowTheLine())
                .when(month(MAY, "9600.00", JULY_5))
                .expectEvents(monthRecorded(MAY, "9600.00", false, JULY_5))
                .expectResultMessagePayload(new Recorded(false, WarningLevel.I_RED, ColourGrade.RED, null, JUNE));
    }

    @Test
    void aCorrectionOfAnEarlierMonthLeavesTheLaterMonthsWarningOpen() {
        fixture.given(juneBelowTheLine())
                .andGiven(monthRecorded(MAY, "6000.00", false, JULY_5))
                .when(month(MAY, "9600.00", JULY_5))
                .expectEvents(monthRecorded(MAY, "9600.00", true, JULY_5))
                .expectResultMessagePayload(new Recorded(true, WarningLevel.I_RED, ColourGrade.RED, null, JUNE));
    }

    @Test
    void anEarlierMonthAtRiskKeepsItsFindingsForItsOwnMonthAndRaisesNoWarning() {
        fixture.given(startedInApril(), monthRecorded(JUNE, "9600.00", false, JUNE_20))
                .when(month(MAY, "6100.00", JULY_5))
                .expectEvents(monthRecorded(MAY, "6100.00", false, JULY_5))
                .expectResultMessagePayload(new Recorded(false, null, null, WarningLevel.I_RED, JUNE));
    }

    @Test
    void aCorrectionOfJuneItselfCanClearJunesWarning() {
        fixture.given(juneBelowTheLine())
                .andGiven(monthRecorded(MAY, "9600.00", false, JULY_5))
                .when(month(JUNE, "9100.00", JULY_5))
                .expectEvents(monthRecorded(JUNE, "9100.00", true, JULY_5),
                        new WarningCleared(HOUSEHOLD, VILLAGE, WARNING, "INCOME_BELOW_MONITORING_LINE",
                                "2024-06 月动态监测未发现风险", JULY_5),
                        new ColourGradeChanged(HOUSEHOLD, VILLAGE, ColourGrade.RED, ColourGrade.GREEN,
                                "无预警：以“引”为主，扶志扶智", JULY_5));
    }

    private final DepartmentHit medical = new DepartmentHit(Indicator.MEDICAL_SELF_PAID,
            new BigDecimal("18000.00"), MEDICAL_LINE, LocalDate.of(2024, 8, 3), WarningLevel.I_RED);
    private final DepartmentHit dropOut = new DepartmentHit(Indicator.SCHOOL_DROP_OUT, null, null,
            LocalDate.of(2024, 8, 3), WarningLevel.I_RED);
    private final DepartmentHit disability = new DepartmentHit(Indicator.DISABILITY_CERTIFICATE, null, null,
            LocalDate.of(2024, 8, 3), WarningLevel.III_BLUE);

    @Test
    void aHitOnAHouseholdWithoutWarningRaisesOneAtTheLevelItWasGraded() {
        fixture.given(started())
                .when(new ScreenDepartmentHitsCommand(HOUSEHOLD, "batch-1", List.of(medical), AUGUST_15))
                .expectEvents(new WarningRaised(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.I_RED,
                        "DEPARTMENT_MEDICAL_SELF_PAID", new BigDecimal("18000.00"), MEDICAL_LINE,
                        "医保局数据：医疗自付费用 18000.00 元超过预警线 5000.00 元", AUGUST_15));
    }

    @Test
    void theMostUrgentHitDecidesAndEscalatesTheOpenWarning() {
        fixture.given(started(), recordedUnstable("9600.00", false), blueWarning())
                .when(new ScreenDepartmentHitsCommand(HOUSEHOLD, "batch-1", List.of(disability, dropOut),
                        AUGUST_15))
                .expectEvents(new WarningLevelChanged(HOUSEHOLD, VILLAGE, WARNING, WarningLevel.III_BLUE,
                        WarningLevel.I_RED, "DEPARTMENT_SCHOOL_DROP_OUT", null, null, AUGUST_15));
    }

    @Test
    void aHitNeverLowersAnOpenWarning() {
        fixture.given(started(), recordedBelowLine("6100.00", false), redWarning())
                .when(new ScreenDepartmentHitsCommand(HOUSEHOLD, "batch-1", List.of(disability), AUGUST_15))
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
                .expectEvents(recordedBelowLine("6100.00", true), redWarning(),
                        new ColourGradeChanged(HOUSEHOLD, VILLAGE, ColourGrade.GREEN, ColourGrade.RED,
                                "存在Ⅰ级（红色）预警：以“补”为主，对标补齐短板", AUGUST_15));
    }

    @Test
    void aLesserWarningMakesItYellow() {
        fixture.given(started(ObjectType.UNSTABLE_ALLEVIATED))
                .when(record("9600.00", Set.of(), Map.of(), true))
                .expectEvents(recordedUnstable("9600.00", false), blueWarning(),
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
