package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 整户无劳动能力兜底保障户村级认定 — the village found the whole household without labour capacity. */
public record SafetyNetHouseholdProposed(String householdId, String regionCode, String reason, LocalDate proposedOn)
        implements HouseholdEvent {
}
