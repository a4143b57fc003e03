package org.fangpin.assistance.command;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.Guarantee;

/**
 * What monitoring knows of a household that elimination judges by: the policy of its region and year, and its
 * latest monthly records, newest first (a corrected month appears once, as corrected).
 */
public record MonitoringFacts(PolicyThresholds thresholds, List<MonthRecord> recentRecords) {

    /** One month's record: per-capita net income (yuan a year) and the guarantees not secure. */
    public record MonthRecord(YearMonth month, BigDecimal perCapitaNetIncome, List<Guarantee> guaranteeGaps) {
    }
}
