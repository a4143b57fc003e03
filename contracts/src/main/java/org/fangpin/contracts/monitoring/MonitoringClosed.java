package org.fangpin.contracts.monitoring;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.ClosureReason;

/** 终止监测 — the county closed the household's dynamic monitoring, with its judgement. */
public record MonitoringClosed(String householdId, String regionCode, ClosureReason reason, String judgement,
                               LocalDate closedOn) implements HouseholdEvent {
}
