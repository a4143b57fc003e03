package org.fangpin.contracts.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.WarningLevel;

/**
 * 预警 — a rule found a monitored household at risk: which rule, what it observed and the threshold it judged by.
 * A later change of level on the same warning is {@link WarningLevelChanged}; its end is {@link WarningCleared}.
 */
public record WarningRaised(String householdId, String regionCode, String warningId, WarningLevel level,
                            String rule, BigDecimal observedValue, BigDecimal threshold, String reason,
                            LocalDate raisedOn) implements HouseholdEvent {
}
