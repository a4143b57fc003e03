package org.fangpin.timeline.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.assistance.AssistanceCaseClosed;
import org.fangpin.contracts.assistance.MeasureAdded;
import org.fangpin.contracts.assistance.MeasureOverdue;
import org.fangpin.contracts.assistance.MeasureUpdated;
import org.fangpin.contracts.assistance.RiskEliminated;
import org.fangpin.contracts.assistance.RiskRolledBack;
import org.fangpin.contracts.assistance.SafetyNetHouseholdDesignated;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdReidentified;
import org.fangpin.contracts.identification.IdentificationRejected;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.identification.ReidentificationOpened;
import org.fangpin.contracts.monitoring.LookBackMonitoringStarted;
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.contracts.monitoring.MonthlyMonitoringMissed;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.monitoring.WarningCleared;
import org.fangpin.contracts.monitoring.WarningLevelChanged;
import org.fangpin.contracts.monitoring.WarningRaised;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.contracts.value.MeasureStatus;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.contracts.value.WarningLevel;

/** How the events of all services make a household's status: the status line of the glossary, step by step. */
class HouseholdRecordTest {

    private static final String HOUSEHOLD = "h-150724213201-0007";
    private static final String VILLAGE = "150724213201";
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @Test
    void aRegisteredHouseholdIsNotMonitored() {
        assertThat(record(registered()).status()).isEqualTo(HouseholdStatus.NOT_MONITORED);
    }

    @Test
    void aLeadPutsTheHouseholdUnderIdentificationAndARejectionTakesItBack() {
        assertThat(record(registered(), lead()).status()).isEqualTo(HouseholdStatus.UNDER_IDENTIFICATION);
        assertThat(record(registered(), lead(), new IdentificationRejected(HOUSEHOLD, VILLAGE, "lead-1",
                "家庭人均纯收入高于监测收入标准，无致贫返贫风险", DAY)).status())
                .isEqualTo(HouseholdStatus.NOT_MONITORED);
    }

    @Test
    void anIdentifiedHouseholdHasItsRiskNotEliminatedWithItsMostUrgentOpenWarning() {
        HouseholdRecord record = record(registered(), lead(), identified(),
                warning("w-1", WarningLevel.III_BLUE), warning("w-2", WarningLevel.II_YELLOW),
                new WarningLevelChanged(HOUSEHOLD, VILLAGE, "w-1", WarningLevel.III_BLUE, WarningLevel.I_RED,
                        "INCOME_BELOW_LINE", new BigDecimal("6100.00"), new BigDecimal("8300.00"), DAY),
                new WarningCleared(HOUSEHOLD, VILLAGE, "w-1", "INCOME_BELOW_LINE", "收入恢复", DAY));

        assertThat(record.status()).isEqualTo(HouseholdStatus.RISK_NOT_ELIMINATED);
        assertThat(record.warningLevel()).contains(WarningLevel.II_YELLOW);
        assertThat(record.objectType()).isEqualTo(ObjectType.MARGINAL_VULNERABLE);
    }

    @Test
    void aSafetyNetHouseholdKeepsItsRiskUnEliminatedWithTheFlag() {
        HouseholdRecord record = record(registered(), lead(), identified(),
                new SafetyNetHouseholdDesignated(HOUSEHOLD, VILLAGE, DAY));

        assertThat(record.status()).isEqualTo(HouseholdStatus.RISK_NOT_ELIMINATED);
        assertThat(record.flags()).containsExactly(StatusFlag.SAFETY_NET);
    }

    @Test
    void eliminationThenRollbackReturnsToRiskNotEliminatedMarkedAsRollback() {
        HouseholdRecord eliminated = record(registered(), lead(), identified(), eliminated(),
                new LookBackMonitoringStarted(HOUSEHOLD, VILLAGE, DAY));
        assertThat(eliminated.status()).isEqualTo(HouseholdStatus.RISK_ELIMINATED);
        assertThat(eliminated.flags()).containsExactly(StatusFlag.LOOK_BACK);

        HouseholdRecord rolledBack = record(registered(), lead(), identified(), eliminated(),
                new LookBackMonitoringStarted(HOUSEHOLD, VILLAGE, DAY),
                new RiskRolledBack(HOUSEHOLD, VILLAGE, "回头看发现务工收入中断", DAY));
        assertThat(rolledBack.status()).isEqualTo(HouseholdStatus.RISK_NOT_ELIMINATED);
        assertThat(rolledBack.flags()).containsExactly(StatusFlag.ROLLED_BACK);
        assertThat(rolledBack.rollbacks()).isEqualTo(1);
    }

    @Test
    void reIdentificationIsNotARollback() {
        HouseholdRecord reopened = record(registered(), lead(), identified(), eliminated(),
                new ReidentificationOpened(HOUSEHOLD, VILLAGE, "lead-2", LeadChannel.CADRE_VISIT,
                        List.of(RiskType.DISASTER), "雹灾致房屋受损", DAY, DAY.plusDays(5), DAY.plusDays(15)));
        assertThat(reopened.status()).isEqualTo(HouseholdStatus.UNDER_IDENTIFICATION);

        HouseholdRecord reidentified = record(registered(), lead(), identified(), eliminated(),
                new ReidentificationOpened(HOUSEHOLD, VILLAGE, "lead-2", LeadChannel.CADRE_VISIT,
                        List.of(RiskType.DISASTER), "雹灾致房屋受损", DAY, DAY.plusDays(5), DAY.plusDays(15)),
                new HouseholdReidentified(HOUSEHOLD, VILLAGE, "lead-2", ObjectType.SUDDEN_HARDSHIP,
                        List.of(RiskType.DISASTER), LabourCapacity.FULL, new BigDecimal("5200.00"),
                        new BigDecimal("8300.00"), DAY));
        assertThat(reidentified.status()).isEqualTo(HouseholdStatus.RISK_NOT_ELIMINATED);
        assertThat(reidentified.flags()).containsExactly(StatusFlag.REIDENTIFIED);
        assertThat(reidentified.rollbacks()).isZero();
        assertThat(reidentified.reidentifications()).isEqualTo(1);
        assertThat(reidentified.objectType()).isEqualTo(ObjectType.SUDDEN_HARDSHIP);
    }

    @Test
    void aMonitoringTheCountyClosedStaysClosedUntilANewLeadIsIdentified() {
        MonitoringClosed closure = new MonitoringClosed(HOUSEHOLD, VILLAGE, ClosureReason.STABLE_AFTER_LOOK_BACK,
                "回头看连续十二个月收入稳定", DAY.plusYears(1));
        HouseholdRecord closed = record(registered(), lead(), identified(), eliminated(),
                new LookBackMonitoringStarted(HOUSEHOLD, VILLAGE, DAY), closure);
        assertThat(closed.status()).isEqualTo(HouseholdStatus.MONITORING_CLOSED);
        assertThat(closed.flags()).isEmpty();
        assertThat(closed.monitoringClosedOn()).isEqualTo(DAY.plusYears(1));

        HouseholdRecord identifiedAgain = record(registered(), lead(), identified(), eliminated(),
                new LookBackMonitoringStarted(HOUSEHOLD, VILLAGE, DAY), closure, lead(), identified());
        assertThat(identifiedAgain.status()).isEqualTo(HouseholdStatus.RISK_NOT_ELIMINATED);
    }

    @Test
    void monthsAboveTheLineCountOnlyTheLatestUnbrokenRun() {
        HouseholdRecord record = record(registered(), lead(), identified(),
                month(YearMonth.of(2024, 4), "9000.00"), month(YearMonth.of(2024, 5), "8000.00"),
                month(YearMonth.of(2024, 6), "8400.00"), month(YearMonth.of(2024, 7), "8600.00"),
                month(YearMonth.of(2024, 9), "8800.00"), month(YearMonth.of(2024, 10), "9100.00"));

        assertThat(record.monthsAboveMonitoringLine()).isEqualTo(2);
        assertThat(record.latestIncome()).contains(new BigDecimal("9100.00"));
    }

    @Test
    void overdueItemsStayOpenUntilDone() {
        HouseholdRecord record = record(registered(), lead(), identified(),
                new MeasureAdded(HOUSEHOLD, VILLAGE, "m-1", MeasureType.MEDICAL_AID, "大病医疗救助",
                        List.of(RiskType.ILLNESS), "医保局", "其其格", DAY, DAY),
                new MeasureOverdue(HOUSEHOLD, VILLAGE, "m-1", MeasureType.MEDICAL_AID, "医保局", DAY, DAY.plusDays(1)),
                new MonthlyMonitoringMissed(HOUSEHOLD, VILLAGE, YearMonth.of(2024, 4), 25, DAY));
        assertThat(record.openOverdueItems()).isEqualTo(2);

        record.apply(new MeasureUpdated(HOUSEHOLD, VILLAGE, "m-1", MeasureStatus.COMPLETED, null, "已报销",
                        null, null, DAY), DAY)
                .apply(month(YearMonth.of(2024, 4), "8400.00"), DAY);
        assertThat(record.openOverdueItems()).isZero();
        assertThat(record.measuresCarriedOut()).isEqualTo(1);
    }

    @Test
    void aCaseClosedWithItsMonitoringHasNothingOverdueOrPendingLeft() {
        HouseholdRecord record = record(registered(), lead(), identified(),
                new MeasureAdded(HOUSEHOLD, VILLAGE, "m-1", MeasureType.HOUSING_SAFETY, "危房改造",
                        List.of(RiskType.DISASTER), "住建局", "朝鲁", DAY, DAY),
                new MeasureOverdue(HOUSEHOLD, VILLAGE, "m-1", MeasureType.HOUSING_SAFETY, "住建局", DAY,
                        DAY.plusDays(1)),
                new MonitoringClosed(HOUSEHOLD, VILLAGE, ClosureReason.MOVED_AWAY, "全户迁出", DAY.plusDays(9)),
                new AssistanceCaseClosed(HOUSEHOLD, VILLAGE, ClosureReason.MOVED_AWAY, DAY.plusDays(9)));

        assertThat(record.status()).isEqualTo(HouseholdStatus.MONITORING_CLOSED);
        assertThat(record.openOverdueItems()).isZero();
    }

    @Test
    void onlyAMeasureCompletedWithItsOutcomeCountsForElimination() {
        HouseholdRecord record = record(registered(), lead(), identified(),
                new MeasureAdded(HOUSEHOLD, VILLAGE, "m-1", MeasureType.EMPLOYMENT, "推荐务工", List.of(RiskType.ILLNESS),
                        "人社局", "包银花", DAY.plusDays(30), DAY),
                new MeasureUpdated(HOUSEHOLD, VILLAGE, "m-1", MeasureStatus.IN_PROGRESS, null, "已上岗", null, null,
                        DAY));
        assertThat(record.measuresCompletedWithOutcome()).isZero();

        record.apply(new MeasureUpdated(HOUSEHOLD, VILLAGE, "m-1", MeasureStatus.COMPLETED, null, null, null, null,
                DAY), DAY);
        assertThat(record.measuresCompletedWithOutcome()).isEqualTo(1);
    }

    private static HouseholdRecord record(HouseholdEvent... events) {
        HouseholdRecord record = HouseholdRecord.of(HOUSEHOLD);
        for (HouseholdEvent event : events) {
            record.apply(event, DAY);
        }
        return record;
    }

    private static HouseholdRegistered registered() {
        return new HouseholdRegistered(HOUSEHOLD, VILLAGE, 2, "敖登", "15072419780312002X",
                HouseholdCategory.POVERTY_ALLEVIATED, 4);
    }

    private static LeadReported lead() {
        return new LeadReported(HOUSEHOLD, VILLAGE, "lead-1", LeadChannel.SELF_REPORT, "户主患病住院", DAY);
    }

    private static HouseholdIdentified identified() {
        return new HouseholdIdentified(HOUSEHOLD, VILLAGE, "lead-1", ObjectType.MARGINAL_VULNERABLE,
                List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, new BigDecimal("7600.00"),
                new BigDecimal("8300.00"), DAY);
    }

    private static RiskEliminated eliminated() {
        return new RiskEliminated(HOUSEHOLD, VILLAGE, List.of(RiskType.ILLNESS), DAY, null);
    }

    private static WarningRaised warning(String id, WarningLevel level) {
        return new WarningRaised(HOUSEHOLD, VILLAGE, id, level, "INCOME_BELOW_LINE", new BigDecimal("7000.00"),
                new BigDecimal("8300.00"), "家庭人均纯收入低于监测收入标准", DAY);
    }

    private static MonthlyMonitoringRecorded month(YearMonth month, String income) {
        return new MonthlyMonitoringRecorded(HOUSEHOLD, VILLAGE, month, new BigDecimal(income), List.of(), false);
    }
}
