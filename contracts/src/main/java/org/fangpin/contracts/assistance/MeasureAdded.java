package org.fangpin.contracts.assistance;

import java.time.LocalDate;
import java.util.List;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.RiskType;

/**
 * 制定帮扶措施 — a measure joined the household's plan (一户一策), with the department and person responsible and
 * its deadline (限时办结).
 *
 * @param riskTypes  the identified risks the measure addresses
 * @param addedOn    the day it was recorded
 * @param happenedOn the day the measure was planned when entered afterwards (存量导入, the business date);
 *                   {@code null} when planned on {@code addedOn}, and in events published before it existed
 */
public record MeasureAdded(String householdId, String regionCode, String measureId, MeasureType measureType,
                           String description, List<RiskType> riskTypes, String department,
                           String responsiblePerson, LocalDate dueDate, LocalDate addedOn, LocalDate happenedOn)
        implements HouseholdEvent {

    /** The measure as published before its business date existed: planned the day it was recorded. */
    public MeasureAdded(String householdId, String regionCode, String measureId, MeasureType measureType,
                        String description, List<RiskType> riskTypes, String department, String responsiblePerson,
                        LocalDate dueDate, LocalDate addedOn) {
        this(householdId, regionCode, measureId, measureType, description, riskTypes, department,
                responsiblePerson, dueDate, addedOn, null);
    }

    /** The day the measure was planned: its business date, or the day recorded. */
    public LocalDate plannedOn() {
        return happenedOn != null ? happenedOn : addedOn;
    }
}
