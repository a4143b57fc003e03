package org.fangpin.contracts.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 行业部门筛查预警线索 — a department's data shows a household that is not monitored above a warning line; the
 * identification procedure should look at it (channel DEPARTMENT_SCREENING).
 *
 * @param department the sharing department, e.g. {@code MEDICAL_INSURANCE} (医保), {@code CIVIL_AFFAIRS} (民政)
 * @param indicator  what was measured, e.g. {@code MEDICAL_SELF_PAID}
 */
public record DepartmentLeadRaised(String householdId, String regionCode, String batchId, String department,
                                   String indicator, BigDecimal observedValue, BigDecimal threshold,
                                   LocalDate reportedOn) implements HouseholdEvent {
}
