package org.fangpin.contracts.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.RigidExpenditure;

/**
 * 动态监测 (每月) — the month's monitoring record of a household. A correction of a month is a new event for the
 * same month ({@code correction = true}); the latest one counts.
 * <p>
 * The fields after {@code correction} were added later; events published before carry none of them, so readers
 * treat a missing value as "not recorded".
 *
 * @param perCapitaNetIncome the household's per-capita net income as estimated this month, yuan a year
 * @param guaranteeGaps      the guarantees not secure this month; empty when all six are secure
 * @param contactMethod      入户走访 or 电话
 * @param noVisitReason      why the household was not visited (required with {@code PHONE})
 * @param rigidExpenditures  rigid expenditure of the year so far by kind, yuan; kinds not reported are absent
 * @param employmentUnstable 务工就业不稳: a working member lost or is about to lose their work
 * @param emergency          an emergency the household met this month (突发事件), in the recorder's words
 * @param recordedOn         the day of the visit or call
 */
public record MonthlyMonitoringRecorded(String householdId, String regionCode, YearMonth month,
                                        BigDecimal perCapitaNetIncome, List<Guarantee> guaranteeGaps,
                                        boolean correction, ContactMethod contactMethod, String noVisitReason,
                                        Map<RigidExpenditure, BigDecimal> rigidExpenditures,
                                        boolean employmentUnstable, String emergency, LocalDate recordedOn)
        implements HouseholdEvent {

    /** The record as first published, without the details added later. */
    public MonthlyMonitoringRecorded(String householdId, String regionCode, YearMonth month,
                                     BigDecimal perCapitaNetIncome, List<Guarantee> guaranteeGaps,
                                     boolean correction) {
        this(householdId, regionCode, month, perCapitaNetIncome, guaranteeGaps, correction, null, null, Map.of(),
                false, null, null);
    }
}
