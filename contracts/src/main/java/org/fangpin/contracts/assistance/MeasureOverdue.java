package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.MeasureType;

/** 帮扶措施逾期 — a measure passed its deadline (限时办结) without being done; flagged once per deadline. */
public record MeasureOverdue(String householdId, String regionCode, String measureId, MeasureType measureType,
                             String department, LocalDate dueDate, LocalDate flaggedOn) implements HouseholdEvent {
}
