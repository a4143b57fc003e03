package org.fangpin.contracts.identification;

import java.math.BigDecimal;
import java.util.Map;

import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.WarningGrades;
import org.fangpin.contracts.value.WarningLevel;

/**
 * The thresholds of one region and year (政策参数). Every figure the procedures judge by is here, never a constant in
 * code: the monitoring income line, the rigid-expenditure warning lines (seeds piece 7), the warning grades (piece
 * 8), the deadlines and the criteria for risk elimination.
 *
 * @param monitoringLine                  监测收入标准, per-capita net income in yuan a year
 * @param medicalExpenditureWarningLine   医疗自付费用预警线, yuan a year (piece 7: 5,000)
 * @param disasterLossWarningLine         灾害损失预警线, yuan (piece 7: 10,000)
 * @param educationExpenditureWarningLine 教育支出预警线, yuan a year (piece 7: 8,000)
 * @param verificationDueWorkingDays      入户核实时限 after a self-report, in working days
 * @param identificationDueDays           识别认定时限 from discovery to county decision, in days (national: 15)
 * @param publicNoticeDays                村级公示天数 (at least 5)
 * @param monthlyMonitoringDueDay         the reporting day of the month after which a missing monthly record is
 *                                        flagged
 * @param stableIncomeMonths              months of income stably above the line before elimination (6)
 * @param minimumMonitoredMonths          months under monitoring before elimination (6)
 * @param warningResponseDays             days within which assistance must respond to a warning
 * @param gradualExitMonths               渐退期, months a safety-net measure continues after elimination (6)
 * @param publicNoticeDaysByObjectType    公示天数 of the object types that need a longer notice than
 *                                        {@code publicNoticeDays} (the low-income seed: 低保 ≥ 7 days); empty in
 *                                        policies set before it existed
 * @param warningGrades                   分级预警: the level each warning rule raises, by rule code; a rule not
 *                                        named here raises its {@link WarningGrades#SEED_BASELINE} level
 * @param backdatingDaysWithoutNote       how many days before its recording a step may be dated (补录) without a
 *                                        county approver's note; null in policies set before it existed
 */
public record PolicyThresholds(BigDecimal monitoringLine,
                               BigDecimal medicalExpenditureWarningLine,
                               BigDecimal disasterLossWarningLine,
                               BigDecimal educationExpenditureWarningLine,
                               int verificationDueWorkingDays,
                               int identificationDueDays,
                               int publicNoticeDays,
                               int monthlyMonitoringDueDay,
                               int stableIncomeMonths,
                               int minimumMonitoredMonths,
                               int warningResponseDays,
                               int gradualExitMonths,
                               Map<ObjectType, Integer> publicNoticeDaysByObjectType,
                               Map<String, WarningLevel> warningGrades,
                               Integer backdatingDaysWithoutNote) {

    public PolicyThresholds {
        publicNoticeDaysByObjectType = publicNoticeDaysByObjectType == null ? Map.of()
                : Map.copyOf(publicNoticeDaysByObjectType);
        warningGrades = warningGrades == null ? Map.of() : Map.copyOf(warningGrades);
    }

    /**
     * Thresholds as policies set them before notice days per object type, grades and backdating existed (a factory,
     * not a constructor: configuration binds the one constructor a record has).
     */
    public static PolicyThresholds of(BigDecimal monitoringLine, BigDecimal medicalExpenditureWarningLine,
                                      BigDecimal disasterLossWarningLine, BigDecimal educationExpenditureWarningLine,
                                      int verificationDueWorkingDays, int identificationDueDays, int publicNoticeDays,
                                      int monthlyMonitoringDueDay, int stableIncomeMonths, int minimumMonitoredMonths,
                                      int warningResponseDays, int gradualExitMonths) {
        return new PolicyThresholds(monitoringLine, medicalExpenditureWarningLine, disasterLossWarningLine, educationExpenditureWarningLine,
                verificationDueWorkingDays, identificationDueDays, publicNoticeDays, monthlyMonitoringDueDay,
                stableIncomeMonths, minimumMonitoredMonths, warningResponseDays, gradualExitMonths, Map.of(), Map.of(),
                null);
    }

    /** How many days the public notice of an identification as this object type must run. */
    public int publicNoticeDays(ObjectType objectType) {
        return Math.max(publicNoticeDays, publicNoticeDaysByObjectType.getOrDefault(objectType, 0));
    }

    /** The level a warning rule raises under this policy. */
    public WarningLevel warningLevel(String rule) {
        WarningLevel level = warningGrades.get(rule);
        return level != null ? level : WarningGrades.baseline(rule);
    }
}
