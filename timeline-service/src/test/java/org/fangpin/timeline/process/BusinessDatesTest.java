package org.fangpin.timeline.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.fangpin.contracts.assistance.MeasureAdded;
import org.fangpin.contracts.assistance.MeasureUpdated;
import org.fangpin.contracts.assistance.RiskRolledBack;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.VillageEvaluationRecorded;
import org.fangpin.contracts.monitoring.MonitoringClosed;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.MeasureStatus;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.RiskType;

/** Each step's business date and note come from its event's own fields; a step without one has none. */
class BusinessDatesTest {

    private static final String H = "h-1";
    private static final String VILLAGE = "150724213201";
    private static final LocalDate MARCH = LocalDate.of(2024, 3, 15);
    private static final LocalDate DECEMBER = LocalDate.of(2024, 12, 2);

    @Test
    void aMeasureEnteredAfterwardsHappenedOnItsOwnDayAndOneRecordedLiveOnTheDayRecorded() {
        assertThat(BusinessDates.happenedOn(new MeasureAdded(H, VILLAGE, "m", MeasureType.MEDICAL_AID, "大病医疗救助",
                List.of(RiskType.ILLNESS), "医保局", "其其格", DECEMBER, DECEMBER, MARCH))).isEqualTo(MARCH);
        assertThat(BusinessDates.happenedOn(new MeasureAdded(H, VILLAGE, "m", MeasureType.MEDICAL_AID, "大病医疗救助",
                List.of(RiskType.ILLNESS), "医保局", "其其格", DECEMBER, DECEMBER))).isEqualTo(DECEMBER);
        assertThat(BusinessDates.happenedOn(new MeasureUpdated(H, VILLAGE, "m", MeasureStatus.COMPLETED, null,
                "已完成", null, null, DECEMBER, MARCH))).isEqualTo(MARCH);
    }

    @Test
    void theVillageEvaluationHappenedWhenEvaluatedAndARegistrationCarriesNoDate() {
        assertThat(BusinessDates.happenedOn(new VillageEvaluationRecorded(H, VILLAGE, "lead", "同意", MARCH,
                MARCH.plusDays(1), MARCH.plusDays(6)))).isEqualTo(MARCH);
        assertThat(BusinessDates.happenedOn(new HouseholdRegistered(H, VILLAGE, 1, "宝音", "x",
                HouseholdCategory.GENERAL, 3))).isNull();
        assertThat(BusinessDates.happenedOn(null)).isNull();
    }

    @Test
    void theNoteOfALateStepIsKeptAndABlankOneIsNone() {
        assertThat(BusinessDates.backdatingNote(new RiskRolledBack(H, VILLAGE, "务工收入中断", MARCH, "纸质审定表补录")))
                .isEqualTo("纸质审定表补录");
        assertThat(BusinessDates.backdatingNote(new MonitoringClosed(H, VILLAGE, ClosureReason.values()[0], "研判",
                MARCH, " "))).isNull();
        assertThat(BusinessDates.happenedOn(new MonitoringClosed(H, VILLAGE, ClosureReason.values()[0], "研判",
                MARCH, null))).isEqualTo(MARCH);
    }
}
