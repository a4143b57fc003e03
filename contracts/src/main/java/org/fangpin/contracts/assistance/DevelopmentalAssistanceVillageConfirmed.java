package org.fangpin.contracts.assistance;

import java.time.LocalDate;
import java.util.List;

import org.fangpin.contracts.HouseholdEvent;

/** 开发式帮扶村级确认 — the village confirmed the development-type measures; the township confirms next. */
public record DevelopmentalAssistanceVillageConfirmed(String householdId, String regionCode, List<String> measureIds,
                                                      LocalDate confirmedOn) implements HouseholdEvent {
}
