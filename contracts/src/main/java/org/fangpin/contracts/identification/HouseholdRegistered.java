package org.fangpin.contracts.identification;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.HouseholdCategory;

/** 户登记 — a household entered the registry with its head of household. */
public record HouseholdRegistered(String householdId, String regionCode, Integer villageGroup, String headName,
                                  String headIdNumber, HouseholdCategory category, int memberCount)
        implements HouseholdEvent {
}
