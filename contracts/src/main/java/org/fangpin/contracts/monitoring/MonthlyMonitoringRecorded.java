package org.fangpin.contracts.monitoring;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.Guarantee;

/**
 * 动态监测 (每月) — the month's monitoring record of a household. A correction of a month is a new event for the
 * same month ({@code correction = true}); the latest one counts.
 *
 * @param perCapitaNetIncome the household's per-capita net income as estimated this month, yuan a year
 * @param guaranteeGaps      the guarantees not secure this month; empty when all six are secure
 */
public record MonthlyMonitoringRecorded(String householdId, String regionCode, YearMonth month,
                                        BigDecimal perCapitaNetIncome, List<Guarantee> guaranteeGaps,
                                        boolean correction) implements HouseholdEvent {
}
