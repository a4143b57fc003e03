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
 * @param riskTypes the identified risks the measure addresses
 */
public record MeasureAdded(String householdId, String regionCode, String measureId, MeasureType measureType,
                           String description, List<RiskType> riskTypes, String department,
                           String responsiblePerson, LocalDate dueDate, LocalDate addedOn)
        implements HouseholdEvent {
}
