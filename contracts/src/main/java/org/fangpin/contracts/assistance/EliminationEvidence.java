package org.fangpin.contracts.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.RiskType;

/**
 * 风险消除佐证 — the facts a decision on elimination was taken on, kept with the decision.
 *
 * @param monitoringLine         the monitoring income line of the household's region and year
 * @param stableIncomeMonths     the consecutive months above the line the policy asks for
 * @param recentIncome           the latest monthly records, newest first
 * @param monitoredMonths        months since the case opened
 * @param minimumMonitoredMonths the months under monitoring the policy asks for
 * @param guaranteeGaps          the guarantees not secure in the latest monthly record
 * @param measuresCarriedOut     the types of the measures carried out
 * @param riskTypesAddressed     the identified risk types a measure carried out addresses
 * @param measuresCompleted      the types of the measures completed with their outcome recorded; {@code null} in
 *                               evidence recorded before completion was judged
 */
public record EliminationEvidence(LocalDate assessedOn, BigDecimal monitoringLine, int stableIncomeMonths,
                                  List<MonthlyIncome> recentIncome, long monitoredMonths,
                                  int minimumMonitoredMonths, List<Guarantee> guaranteeGaps,
                                  List<MeasureType> measuresCarriedOut, List<RiskType> riskTypesAddressed,
                                  List<MeasureType> measuresCompleted) {

    /** Evidence as it was recorded before the measures completed were part of it. */
    public EliminationEvidence(LocalDate assessedOn, BigDecimal monitoringLine, int stableIncomeMonths,
                               List<MonthlyIncome> recentIncome, long monitoredMonths, int minimumMonitoredMonths,
                               List<Guarantee> guaranteeGaps, List<MeasureType> measuresCarriedOut,
                               List<RiskType> riskTypesAddressed) {
        this(assessedOn, monitoringLine, stableIncomeMonths, recentIncome, monitoredMonths, minimumMonitoredMonths,
                guaranteeGaps, measuresCarriedOut, riskTypesAddressed, null);
    }

    /** One month's per-capita net income (yuan a year) as monitoring recorded it. */
    public record MonthlyIncome(YearMonth month, BigDecimal perCapitaNetIncome) {
    }
}
