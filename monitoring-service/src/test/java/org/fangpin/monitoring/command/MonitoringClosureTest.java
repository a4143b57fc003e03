package org.fangpin.monitoring.command;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.monitoring.LookBackMonitoringStarted;
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.contracts.monitoring.MonitoringStarted;
import org.fangpin.contracts.monitoring.WarningCleared;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.monitoring.command.Commands.CloseMonitoringCommand;
import org.fangpin.monitoring.command.Commands.FlagMissedMonitoringCommand;
import org.fangpin.monitoring.command.Commands.RecordMonthlyMonitoringCommand;
import org.fangpin.monitoring.command.Commands.StartMonitoringCommand;
import org.fangpin.platform.web.BusinessDay;
import org.fangpin.platform.web.RuleViolation;

class MonitoringClosureTest {

    private static final String HOUSEHOLD = "hh-7";
    private static final String VILLAGE = "150724213202";
    private static final LocalDate MARCH_2 = LocalDate.of(2024, 3, 2);
    private static final LocalDate AUGUST_15 = LocalDate.of(2024, 8, 15);
    private static final LocalDate SEPTEMBER_1 = LocalDate.of(2025, 9, 1);
    private static final String JUDGEMENT = "风险消除后回头看连续十二个月收入稳定在监测收入标准以上";
    private static final MonitoringStarted STARTED = new MonitoringStarted(HOUSEHOLD, VILLAGE,
            ObjectType.MARGINAL_VULNERABLE, MARCH_2);
    private static final LookBackMonitoringStarted LOOK_BACK = new LookBackMonitoringStarted(HOUSEHOLD, VILLAGE,
            AUGUST_15);
    private static final MonitoringClosed CLOSED = new MonitoringClosed(HOUSEHOLD, VILLAGE,
            ClosureReason.STABLE_AFTER_LOOK_BACK, JUDGEMENT, SEPTEMBER_1);

    private FixtureConfiguration<MonitoredHousehold> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MonitoredHousehold.class);
    }

    private static CloseMonitoringCommand close(ClosureReason reason) {
        return new CloseMonitoringCommand(HOUSEHOLD, reason, JUDGEMENT, BusinessDay.today(SEPTEMBER_1));
    }

    @Test
    void aStableHouseholdInLookBackIsClosedByTheCounty() {
        fixture.given(STARTED, LOOK_BACK)
                .when(close(ClosureReason.STABLE_AFTER_LOOK_BACK))
                .expectEvents(CLOSED);
    }

    @Test
    void aClosureRecordedLateCarriesTheDayTheCountyDecidedAndBeyondTheAllowanceItsNote() {
        LocalDate decided = SEPTEMBER_1.minusDays(50);
        fixture.given(STARTED, LOOK_BACK)
                .when(new CloseMonitoringCommand(HOUSEHOLD, ClosureReason.STABLE_AFTER_LOOK_BACK, JUDGEMENT,
                        new BusinessDay(decided, SEPTEMBER_1, 40, " 县级终止监测纸质决定补录 ")))
                .expectEvents(new MonitoringClosed(HOUSEHOLD, VILLAGE, ClosureReason.STABLE_AFTER_LOOK_BACK,
                        JUDGEMENT, decided, "县级终止监测纸质决定补录"));
    }

    @Test
    void aClosureMoreThanTheAllowanceBackWithoutTheCountysNoteIsRefused() {
        fixture.given(STARTED, LOOK_BACK)
                .when(new CloseMonitoringCommand(HOUSEHOLD, ClosureReason.STABLE_AFTER_LOOK_BACK, JUDGEMENT,
                        new BusinessDay(SEPTEMBER_1.minusDays(41), SEPTEMBER_1, 40, null)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("MONITORING_BACKDATING_NOTE_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void aStableHouseholdIsNotClosedOnADayBeforeItsLookBackBegan() {
        fixture.given(STARTED, LOOK_BACK)
                .when(new CloseMonitoringCommand(HOUSEHOLD, ClosureReason.STABLE_AFTER_LOOK_BACK, JUDGEMENT,
                        new BusinessDay(AUGUST_15.minusDays(1), AUGUST_15.plusDays(5), 40, null)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("MONITORING_CLOSURE_BEFORE_PREVIOUS_STEP"))
                .expectNoEvents();
    }

    @Test
    void aHouseholdWhoseRiskIsNotEliminatedIsNotClosedAsStable() {
        fixture.given(STARTED)
                .when(close(ClosureReason.STABLE_AFTER_LOOK_BACK))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("MONITORING_CLOSURE_RISK_NOT_ELIMINATED"))
                .expectNoEvents();
    }

    @Test
    void aHouseholdWithAnOpenWarningIsNotClosedAsStable() {
        fixture.given(STARTED, LOOK_BACK, warning())
                .when(close(ClosureReason.STABLE_AFTER_LOOK_BACK))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("MONITORING_CLOSURE_WARNING_OPEN"))
                .expectNoEvents();
    }

    @Test
    void aDissolvedHouseholdIsClosedAtAnyStageAndItsOpenWarningCleared() {
        fixture.given(STARTED, warning())
                .when(close(ClosureReason.HOUSEHOLD_DISSOLVED))
                .expectEvents(
                        new WarningCleared(HOUSEHOLD, VILLAGE, HOUSEHOLD + ":1", "INCOME_BELOW_MONITORING_LINE",
                                "终止监测：整户消亡", SEPTEMBER_1),
                        new MonitoringClosed(HOUSEHOLD, VILLAGE, ClosureReason.HOUSEHOLD_DISSOLVED, JUDGEMENT,
                                SEPTEMBER_1));
    }

    @Test
    void aClosedMonitoringIsNotClosedAgain() {
        fixture.given(STARTED, LOOK_BACK, CLOSED)
                .when(close(ClosureReason.MOVED_AWAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("MONITORING_CLOSED"))
                .expectNoEvents();
    }

    @Test
    void aClosedMonitoringTakesNoMoreRecords() {
        fixture.given(STARTED, LOOK_BACK, CLOSED)
                .when(new RecordMonthlyMonitoringCommand(HOUSEHOLD, YearMonth.of(2025, 9), new BigDecimal("9600.00"),
                        Set.of(), ContactMethod.HOME_VISIT, null, Map.of(), false, null, null, false, SEPTEMBER_1,
                        policy()))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("MONITORING_CLOSED"))
                .expectNoEvents();
    }

    @Test
    void aClosedMonitoringIsNeverFlaggedAsMissed() {
        fixture.given(STARTED, LOOK_BACK, CLOSED)
                .when(new FlagMissedMonitoringCommand(HOUSEHOLD, YearMonth.of(2025, 9), 25, LocalDate.of(2025, 9, 26)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNewIdentificationStartsAClosedMonitoringAgain() {
        LocalDate reidentified = LocalDate.of(2026, 2, 10);
        fixture.given(STARTED, LOOK_BACK, CLOSED)
                .when(new StartMonitoringCommand(HOUSEHOLD, VILLAGE, ObjectType.SUDDEN_HARDSHIP, reidentified))
                .expectEvents(new MonitoringStarted(HOUSEHOLD, VILLAGE, ObjectType.SUDDEN_HARDSHIP, reidentified));
    }

    private static WarningRaised warning() {
        return new WarningRaised(HOUSEHOLD, VILLAGE, HOUSEHOLD + ":1", WarningLevel.I_RED,
                "INCOME_BELOW_MONITORING_LINE", new BigDecimal("6100.00"), new BigDecimal("8300.00"),
                "人均纯收入低于监测收入标准", AUGUST_15);
    }

    private static PolicyThresholds policy() {
        return PolicyThresholds.of(new BigDecimal("8300.00"), new BigDecimal("5000.00"), new BigDecimal("10000.00"),
                new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 15, 6);
    }
}
