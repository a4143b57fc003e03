package org.fangpin.contracts.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.ContactMethod;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.contracts.value.WarningLevel;

/**
 * 动态监测 (每月) — the month's monitoring record of a household. A correction of a month is a new event for the
 * same month ({@code correction = true}); the latest one counts. The household's warning follows its latest month:
 * a record of an earlier month (补录, or a correction of it) keeps its own findings here and changes no warning.
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
 * @param labourCapacity     the household's labour capacity as found this month; null when not assessed
 * @param incomeOnlyFromTransfers the household's income comes only from transfers (资金帮扶、产业分红 and the like)
 * @param findingLevel       the warning level the month's own findings call for under the policy (分级预警); null
 *                           when the month found no risk, and in records published before it existed
 * @param findingRule        the rule of the month's decisive finding; null with {@code findingLevel}
 */
public record MonthlyMonitoringRecorded(String householdId, String regionCode, YearMonth month,
                                        BigDecimal perCapitaNetIncome, List<Guarantee> guaranteeGaps,
                                        boolean correction, ContactMethod contactMethod, String noVisitReason,
                                        Map<RigidExpenditure, BigDecimal> rigidExpenditures,
                                        boolean employmentUnstable, String emergency, LocalDate recordedOn,
                                        LabourCapacity labourCapacity, boolean incomeOnlyFromTransfers,
                                        WarningLevel findingLevel, String findingRule)
        implements HouseholdEvent {

    /** The record before labour capacity, transfers and the month's own findings were added. */
    public MonthlyMonitoringRecorded(String householdId, String regionCode, YearMonth month,
                                     BigDecimal perCapitaNetIncome, List<Guarantee> guaranteeGaps,
                                     boolean correction, ContactMethod contactMethod, String noVisitReason,
                                     Map<RigidExpenditure, BigDecimal> rigidExpenditures,
                                     boolean employmentUnstable, String emergency, LocalDate recordedOn) {
        this(householdId, regionCode, month, perCapitaNetIncome, guaranteeGaps, correction, contactMethod,
                noVisitReason, rigidExpenditures, employmentUnstable, emergency, recordedOn, null, false, null, null);
    }

    /** The record as first published, without the details added later. */
    public MonthlyMonitoringRecorded(String householdId, String regionCode, YearMonth month,
                                     BigDecimal perCapitaNetIncome, List<Guarantee> guaranteeGaps,
                                     boolean correction) {
        this(householdId, regionCode, month, perCapitaNetIncome, guaranteeGaps, correction, null, null, Map.of(),
                false, null, null);
    }
}
