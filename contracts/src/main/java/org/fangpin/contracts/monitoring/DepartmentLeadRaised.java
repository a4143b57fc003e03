package org.fangpin.contracts.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 行业部门筛查预警线索 — a department's data shows a household that is not monitored with a risk: an amount above a
 * warning line, or a status that is a risk by itself (e.g. newly granted 低保); the identification procedure should
 * look at it (channel DEPARTMENT_SCREENING).
 *
 * @param department    the sharing department, e.g. {@code MEDICAL_INSURANCE} (医保), {@code CIVIL_AFFAIRS} (民政)
 * @param indicator     what was reported, e.g. {@code MEDICAL_SELF_PAID} or {@code MINIMUM_LIVING_ALLOWANCE}
 * @param observedValue the amount, yuan; null for a status indicator
 * @param threshold     the warning line the amount is above, yuan; null for a status indicator
 * @param reason        the hit in the work plans' words (e.g. 民政数据：纳入低保); null in events recorded before it
 *                      existed
 */
public record DepartmentLeadRaised(String householdId, String regionCode, String batchId, String department,
                                   String indicator, BigDecimal observedValue, BigDecimal threshold,
                                   LocalDate reportedOn, String reason) implements HouseholdEvent {

    public DepartmentLeadRaised(String householdId, String regionCode, String batchId, String department,
                                String indicator, BigDecimal observedValue, BigDecimal threshold,
                                LocalDate reportedOn) {
        this(householdId, regionCode, batchId, department, indicator, observedValue, threshold, reportedOn, null);
    }
}
