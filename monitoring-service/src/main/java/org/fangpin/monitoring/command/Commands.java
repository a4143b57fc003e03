package org.fangpin.monitoring.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.AreaHazardType;
import org.fangpin.contracts.value.ClosureReason;
import org.fangpin.contracts.value.ColourGrade;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.WarningLevel;
import org.fangpin.platform.web.BusinessDay;

/** The commands of dynamic monitoring, one per step the work plans name. */
public final class Commands {

    private Commands() {
    }

    /** 纳入动态监测 — begin monthly monitoring of a household the county identified. */
    public record StartMonitoringCommand(@TargetAggregateIdentifier String householdId, String regionCode,
                                         ObjectType objectType, LocalDate startedOn) {
    }

    /**
     * 每月动态监测 — the month's record of a household; a second record of the same month is a correction.
     *
     * @param labourCapacity          the household's labour capacity as found this month; null when not assessed
     * @param incomeOnlyFromTransfers the household lives only on transfers (资金帮扶、产业分红 and the like)
     * @param thresholds              the policy of the household's region for the year of the month
     */
    public record RecordMonthlyMonitoringCommand(@TargetAggregateIdentifier String householdId, YearMonth month,
                                                 BigDecimal perCapitaNetIncome, Set<Guarantee> guaranteeGaps,
                                                 ContactMethod contactMethod, String noVisitReason,
                                                 Map<RigidExpenditure, BigDecimal> rigidExpenditures,
                                                 boolean employmentUnstable, String emergency,
                                                 LabourCapacity labourCapacity, boolean incomeOnlyFromTransfers,
                                                 LocalDate recordedOn, PolicyThresholds thresholds) {
    }

    /**
     * What a monthly record led to.
     *
     * @param warningLevel      the level of the household's open warning after the record; {@code null} without one
     * @param colourGrade       the three-colour grade of a 脱贫户; {@code null} for other households
     * @param monthWarningLevel the level the month's own findings call for; {@code null} when it found no risk
     * @param latestMonth       the household's latest recorded month, whose record its warning follows: a later month
     *                          than the one recorded when this was an earlier month entered late
     */
    /**
     * 存量导入 of a month recorded before go-live: recorded as the live record is, unless the month is recorded here
     * already (the same file imported again, or recorded since), which it leaves unchanged.
     */
    public record ImportMonthlyMonitoringCommand(@TargetAggregateIdentifier String householdId,
                                                 RecordMonthlyMonitoringCommand record) {
    }

    public record Recorded(boolean correction, WarningLevel warningLevel, ColourGrade colourGrade,
                           WarningLevel monthWarningLevel, YearMonth latestMonth) {
    }

    /** 行业部门筛查预警 — the hits of one department batch on a monitored household. */
    public record ScreenDepartmentHitsCommand(@TargetAggregateIdentifier String householdId, String batchId,
                                              List<DepartmentHit> hits, LocalDate screenedOn) {
    }

    /**
     * One row of department data above its line (or a status that is a risk by itself).
     *
     * @param threshold the policy line the value was judged by; {@code null} for a status indicator
     * @param level     the warning level the policy of the household's region and the row's year grades the
     *                  indicator with
     */
    public record DepartmentHit(Indicator indicator, BigDecimal observedValue, BigDecimal threshold,
                                LocalDate reportedOn, WarningLevel level) {
    }

    /** 漏测 — the month's record is missing on or after its reporting day; answers whether it was flagged now. */
    public record FlagMissedMonitoringCommand(@TargetAggregateIdentifier String householdId, YearMonth month,
                                              int dueDay, LocalDate flaggedOn) {
    }

    /** 回头看 — the risk was eliminated; monitoring continues as look-back. */
    public record StartLookBackCommand(@TargetAggregateIdentifier String householdId, LocalDate startedOn) {
    }

    /** 风险消除回退 — back to regular monitoring. */
    public record ResumeRegularMonitoringCommand(@TargetAggregateIdentifier String householdId, String reason,
                                                 LocalDate resumedOn) {
    }

    /** 区域性风险 — visit the household at once. */
    public record RequestImmediateVisitCommand(@TargetAggregateIdentifier String householdId, String hazardId,
                                               AreaHazardType hazardType, LocalDate requestedOn) {
    }

    /**
     * 终止监测 — the county closes the household's monitoring, with its judgement.
     *
     * @param closed the day the county decided it, the day it is recorded, the policy's allowance and the note
     */
    public record CloseMonitoringCommand(@TargetAggregateIdentifier String householdId, ClosureReason reason,
                                         String judgement, BusinessDay closed) {
    }
}
