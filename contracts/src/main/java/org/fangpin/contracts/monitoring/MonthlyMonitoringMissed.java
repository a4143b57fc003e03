package org.fangpin.contracts.monitoring;

import java.time.LocalDate;
import java.time.YearMonth;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 漏测 / 未按时监测 — the month's record of a monitored household was still missing after the due day of the
 * policy; flagged once per household and month. A record entered later stands as usual.
 */
public record MonthlyMonitoringMissed(String householdId, String regionCode, YearMonth month, int dueDay,
                                      LocalDate flaggedOn) implements HouseholdEvent {
}
