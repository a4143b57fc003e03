package org.fangpin.contracts.identification;

import java.math.BigDecimal;

/**
 * The thresholds of one region and year (政策参数). Every figure the procedures judge by is here, never a constant in
 * code: the monitoring income line, the rigid-expenditure warning lines (seeds piece 7), the deadlines and the
 * criteria for risk elimination.
 *
 * @param monitoringLine                  监测收入标准, per-capita net income in yuan a year
 * @param medicalExpenditureWarningLine   医疗自付费用预警线, yuan a year (piece 7: 5,000)
 * @param disasterLossWarningLine         灾害损失预警线, yuan (piece 7: 10,000)
 * @param educationExpenditureWarningLine 教育支出预警线, yuan a year (piece 7: 8,000)
 * @param verificationDueWorkingDays      入户核实时限 after a self-report, in working days
 * @param identificationDueDays           识别认定时限 from discovery to county decision, in days (national: 15)
 * @param publicNoticeDays                村级公示天数 (at least 5)
 * @param monthlyMonitoringDueDay         the day of the month after which a missing monthly record is flagged
 * @param stableIncomeMonths              months of income stably above the line before elimination (6)
 * @param minimumMonitoredMonths          months under monitoring before elimination (6)
 * @param warningResponseDays             days within which assistance must respond to a warning
 * @param gradualExitMonths               渐退期, months a safety-net measure continues after elimination (6)
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
                               int gradualExitMonths) {
}
