package org.fangpin.contracts.assistance;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 整户无劳动能力兜底保障户 — village and township designated the household; its risk stays un-eliminated and the
 * development-type rule does not apply.
 */
public record SafetyNetHouseholdDesignated(String householdId, String regionCode, LocalDate designatedOn)
        implements HouseholdEvent {
}
