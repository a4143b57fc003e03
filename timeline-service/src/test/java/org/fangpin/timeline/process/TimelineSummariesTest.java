package org.fangpin.timeline.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.fangpin.contracts.assistance.RiskEliminationReturned;
import org.fangpin.contracts.identification.MemberAdded;
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.contracts.monitoring.MonthlyMonitoringRecorded;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.Health;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.Relation;
import org.fangpin.contracts.value.ReviewLevel;
import org.fangpin.contracts.value.RigidExpenditure;

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
    void anEventOfANewerContractIsShownByItsType() {
        assertThat(TimelineSummaries.unknown("fangpin.monitoring.HousingInspected.v1"))
                .isEqualTo("其他事件（fangpin.monitoring.HousingInspected.v1）");
    }
}
