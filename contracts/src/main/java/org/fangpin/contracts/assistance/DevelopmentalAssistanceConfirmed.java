package org.fangpin.contracts.assistance;

import java.time.LocalDate;
import java.util.List;

import org.fangpin.contracts.HouseholdEvent;

/** 已实施开发式帮扶 — village and township confirmed that development-type assistance is carried out. */
public record DevelopmentalAssistanceConfirmed(String householdId, String regionCode, List<String> measureIds,
                                               LocalDate confirmedOn) implements HouseholdEvent {
}
