package org.fangpin.contracts.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.WarningLevel;

/** 预警等级调整 — an open warning became more or less urgent. */
public record WarningLevelChanged(String householdId, String regionCode, String warningId, WarningLevel from,
                                  WarningLevel to, String rule, BigDecimal observedValue, BigDecimal threshold,
                                  LocalDate changedOn) implements HouseholdEvent {
}
