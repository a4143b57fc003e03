package org.fangpin.monitoring.command;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.fangpin.contracts.value.ObjectType;

/** 纳入动态监测 — begin monthly monitoring of a household the county identified. */
public record StartMonitoringCommand(@TargetAggregateIdentifier String householdId, String regionCode,
                                     ObjectType objectType, LocalDate startedOn) {
}
