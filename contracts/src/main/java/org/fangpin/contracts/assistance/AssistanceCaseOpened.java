package org.fangpin.contracts.assistance;

import java.time.LocalDate;
import java.util.List;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;

/** 帮扶案例建立 — an assistance case (一户一策) was opened for an identified household. */
public record AssistanceCaseOpened(String householdId, String regionCode, ObjectType objectType,
                                   List<RiskType> riskTypes, LabourCapacity labourCapacity, LocalDate openedOn)
        implements HouseholdEvent {
}
