package org.fangpin.contracts.monitoring;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.AreaHazardType;

/** 立即走访 — an area hazard struck the household's village; the next monthly record answers the request. */
public record ImmediateVisitRequested(String householdId, String regionCode, String hazardId,
                                      AreaHazardType hazardType, LocalDate requestedOn) implements HouseholdEvent {
}
