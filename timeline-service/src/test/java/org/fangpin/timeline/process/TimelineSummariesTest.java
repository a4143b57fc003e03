package org.fangpin.timeline.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.fangpin.contracts.assistance.AssistanceCaseClosed;
import org.fangpin.contracts.assistance.RiskEliminationReturned;
import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyCorrected;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.identification.MemberAdded;
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.Health;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.Relation;
import org.fangpin.contracts.value.ReviewLevel;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.WarningGrades;
import org.fangpin.contracts.value.WarningLevel;

/** The one-line summaries say the step in the work plans' words and leave personal details where they belong. */
class TimelineSummariesTest {

    private static final String HOUSEHOLD = "h-150724213201-0007";
    private static final String VILLAGE = "150724213201";

    @Test
    void aNewMemberIsNamedWithoutIdNumberOrHealth() {
        String summary = TimelineSummaries.summarize(new MemberAdded(HOUSEHOLD, VILLAGE, "m-2", "其其格",
                "150724200803150021", Relation.CHILD, LocalDate.of(2008, 3, 15), LabourCapacity.NONE,
                Health.DISABLED, "BIRTH", LocalDate.of(2008, 3, 20)), "fangpin.identification.MemberAdded.v1");

        assertThat(summary).isEqualTo("家庭成员增加：其其格（子女，出生）");
    }

    @Test
    void aMonthlyRecordShowsIncomeAndGapsButNotMedicalCostsOrTheEmergencyItself() {
        String summary = TimelineSummaries.summarize(new MonthlyMonitoringRecorded(HOUSEHOLD, VILLAGE,
                YearMonth.of(2024, 7), new BigDecimal("7900.00"), List.of(Guarantee.HOUSING_SAFETY), false,
                ContactMethod.HOME_VISIT, null, Map.of(RigidExpenditure.MEDICAL, new BigDecimal("12800.00")), true,
                "户主突发脑梗住院", LocalDate.of(2024, 7, 20)), "fangpin.monitoring.MonthlyMonitoringRecorded.v1");

        assertThat(summary).isEqualTo(
                "2024年7月动态监测，入户走访：家庭人均纯收入7900.00元，未保障：住房安全，务工就业不稳，遇突发事件");
    }

    @Test
    void aReturnSaysWhichLevelSentItBackAndWhy() {
        assertThat(TimelineSummaries.summarize(new RiskEliminationReturned(HOUSEHOLD, VILLAGE, ReviewLevel.TOWNSHIP,
                        "收入稳定月数不足", LocalDate.of(2024, 9, 2)), "fangpin.assistance.RiskEliminationReturned.v1"))
                .isEqualTo("乡镇退回风险消除申请：收入稳定月数不足");
    }

    @Test
    void aClosureSaysWhyTheCountyEndedMonitoring() {
        assertThat(TimelineSummaries.summarize(new MonitoringClosed(HOUSEHOLD, VILLAGE, ClosureReason.MOVED_AWAY,
                        "2025年全户户籍迁至呼和浩特市", LocalDate.of(2025, 9, 1)),
                "fangpin.monitoring.MonitoringClosed.v1"))
                .isEqualTo("县级终止监测（整户迁出）：2025年全户户籍迁至呼和浩特市");
    }

    @Test
    void aPolicyChangeSaysEachThresholdThatChangedOldToNewWithTheRegionAndTheYearApart() {
        PolicyThresholds before = thresholds("7500.00", 6, Map.of());
        PolicyThresholds after = new PolicyThresholds(new BigDecimal("8300.00"), new BigDecimal("5000.00"),
                new BigDecimal("10000.00"), new BigDecimal("8000.00"), 5, 15, 5, 25, 3, 6, 7, 6,
                Map.of(ObjectType.MINIMUM_LIVING_ALLOWANCE, 7),
                Map.of(WarningGrades.INCOME_ONLY_FROM_TRANSFERS, WarningLevel.I_RED), 30);

        assertThat(TimelineSummaries.summarize(new PolicyChanged("150724", 2024, after, "旗乡村振兴局调整监测范围", before),
                "fangpin.identification.PolicyChanged.v1"))
                .isEqualTo("政策参数调整（区划150724，2024年）：监测收入标准7500.00元→8300.00元；"
                        + "收入稳定超过监测收入标准的月数6个月→3个月；无需说明的补录天数未设定→30天；"
                        + "低保对象公示天数未设定→7天；预警规则INCOME_ONLY_FROM_TRANSFERS等级基准等级→Ⅰ级（红色）。"
                        + "理由：旗乡村振兴局调整监测范围");
    }

    @Test
    void aFirstSettingSaysTheValuesSetAndTheNationalBaselineIsCalledSo() {
        assertThat(TimelineSummaries.summarize(new PolicyChanged("", 2025, thresholds("8300.00", 6, Map.of()),
                        "全国防止返贫监测收入基准"), "fangpin.identification.PolicyChanged.v1"))
                .isEqualTo("政策参数设定（全国，2025年）：监测收入标准8300.00元；医疗自付费用预警线5000.00元；"
                        + "灾害损失预警线10000.00元；教育支出预警线8000.00元；入户核实时限5个工作日；识别认定时限15天；"
                        + "村级公示天数5天；月度监测录入截止日每月25日；收入稳定超过监测收入标准的月数6个月；"
                        + "风险消除前纳入监测时间6个月；预警响应时限7天；渐退期6个月。理由：全国防止返贫监测收入基准");
    }

    @Test
    void aCorrectionHasItsOwnEntryWithWhatWasCorrectedAndWhy() {
        assertThat(TimelineSummaries.summarize(new PolicyCorrected("15", 2024, thresholds("8300.00", 6, Map.of()),
                        thresholds("8030.00", 6, Map.of()), "录入错误：自治区标准为8300元"),
                "fangpin.identification.PolicyCorrected.v1"))
                .isEqualTo("政策参数更正（区划15，2024年）：监测收入标准8030.00元→8300.00元。更正理由：录入错误：自治区标准为8300元");
    }

    @Test
    void aCaseClosedWithTheMonitoringSaysWhyAndThatItsMeasuresNoLongerFallDue() {
        assertThat(TimelineSummaries.summarize(new AssistanceCaseClosed(HOUSEHOLD, VILLAGE,
                        ClosureReason.HOUSEHOLD_DISSOLVED, LocalDate.of(2025, 9, 1)),
                "fangpin.assistance.AssistanceCaseClosed.v1"))
                .isEqualTo("县级终止监测（整户消亡），帮扶案例关闭，未办结的帮扶措施不再计逾期");
    }

    private static PolicyThresholds thresholds(String line, int stableMonths, Map<ObjectType, Integer> noticeDays) {
        return new PolicyThresholds(new BigDecimal(line), new BigDecimal("5000.00"), new BigDecimal("10000.00"),
                new BigDecimal("8000.00"), 5, 15, 5, 25, stableMonths, 6, 7, 6, noticeDays, Map.of(), null);
    }

    @Test
    void anEventOfANewerContractIsShownByItsType() {
        assertThat(TimelineSummaries.unknown("fangpin.monitoring.HousingInspected.v1"))
                .isEqualTo("其他事件（fangpin.monitoring.HousingInspected.v1）");
    }
}
