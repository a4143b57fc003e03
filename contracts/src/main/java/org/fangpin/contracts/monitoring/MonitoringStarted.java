package org.fangpin.contracts.monitoring;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.ObjectType;

/** 纳入动态监测 — monthly dynamic monitoring of an identified household began. */
public record MonitoringStarted(String householdId, String regionCode, ObjectType objectType, LocalDate startedOn)
        implements HouseholdEvent {
}
