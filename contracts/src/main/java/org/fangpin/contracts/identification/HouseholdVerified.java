package org.fangpin.contracts.identification;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.LabourCapacity;

/** 入户核实 — the home verification was recorded, signed by the collector and confirmed by the household (双签字). */
public record HouseholdVerified(String householdId, String regionCode, String leadId, BigDecimal perCapitaNetIncome,
                                LabourCapacity labourCapacity, String collector, boolean householdConfirmed,
                                LocalDate verifiedOn) implements HouseholdEvent {
}
