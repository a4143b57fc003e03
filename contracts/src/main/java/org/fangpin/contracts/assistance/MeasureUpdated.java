package org.fangpin.contracts.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.MeasureStatus;

/**
 * 帮扶措施进展 — progress on a measure: its status, a progress note, its outcome, and the income effect (yuan a year
 * per capita). Fields not changed are {@code null}.
 */
public record MeasureUpdated(String householdId, String regionCode, String measureId, MeasureStatus status,
                             String progressNote, String outcome, BigDecimal incomeEffect, LocalDate dueDate,
                             LocalDate updatedOn) implements HouseholdEvent {
}
