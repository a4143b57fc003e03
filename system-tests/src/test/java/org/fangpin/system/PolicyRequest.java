package org.fangpin.system;

import java.util.Map;

/** The body of {@code PUT /api/policy/{region}/{year}} with the Ewenki banner's thresholds (8,300 yuan, piece 7). */
final class PolicyRequest {

    private PolicyRequest() {
    }

    /** The banner's thresholds with the elimination criteria and the reason given. */
    static Map<String, Object> ewenki(int stableIncomeMonths, int minimumMonitoredMonths, String reason) {
        return Map.ofEntries(
                Map.entry("monitoringLine", 8300.00), Map.entry("medicalExpenditureWarningLine", 5000.00),
                Map.entry("disasterLossWarningLine", 10000.00), Map.entry("educationExpenditureWarningLine", 8000.00),
                Map.entry("verificationDueWorkingDays", 5), Map.entry("identificationDueDays", 15),
                Map.entry("publicNoticeDays", 5), Map.entry("monthlyMonitoringDueDay", 25),
                Map.entry("stableIncomeMonths", stableIncomeMonths),
                Map.entry("minimumMonitoredMonths", minimumMonitoredMonths),
                Map.entry("warningResponseDays", 15), Map.entry("gradualExitMonths", 6),
                Map.entry("reason", reason));
    }
}
