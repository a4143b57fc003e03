package org.fangpin.contracts.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.MeasureStatus;

/**
 * 帮扶措施进展 — progress on a measure: its status, a progress note, its outcome, and the income effect (yuan a year
 * per capita). Fields not changed are {@code null}.
 *
 * @param updatedOn  the day it was recorded
 * @param happenedOn the day the measure started or was completed when entered afterwards (存量导入, the business
 *                   date); {@code null} when it happened on {@code updatedOn}, and in events published before it
 *                   existed
 */
public record MeasureUpdated(String householdId, String regionCode, String measureId, MeasureStatus status,
                             String progressNote, String outcome, BigDecimal incomeEffect, LocalDate dueDate,
                             LocalDate updatedOn, LocalDate happenedOn) implements HouseholdEvent {

    /** The progress as published before its business date existed: it happened the day it was recorded. */
    public MeasureUpdated(String householdId, String regionCode, String measureId, MeasureStatus status,
                          String progressNote, String outcome, BigDecimal incomeEffect, LocalDate dueDate,
                          LocalDate updatedOn) {
        this(householdId, regionCode, measureId, status, progressNote, outcome, incomeEffect, dueDate, updatedOn,
                null);
    }

    /** The day the progress happened: its business date, or the day recorded. */
    public LocalDate happenedOnOrRecorded() {
        return happenedOn != null ? happenedOn : updatedOn;
    }
}
