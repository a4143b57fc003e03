package org.fangpin.assistance.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;

/** 建立帮扶案例 — open the assistance case (一户一策) of an identified household. */
public record OpenAssistanceCaseCommand(@TargetAggregateIdentifier String householdId, String regionCode,
                                        ObjectType objectType, List<RiskType> riskTypes,
                                        LabourCapacity labourCapacity, LocalDate openedOn) {
}
