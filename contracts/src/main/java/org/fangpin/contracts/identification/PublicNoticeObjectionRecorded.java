package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/** 公示异议 — an objection raised during the village's public notice, with how the village handled it. */
public record PublicNoticeObjectionRecorded(String householdId, String regionCode, String leadId, String objection,
                                            String handling, LocalDate recordedOn) implements HouseholdEvent {
}
