package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 村级评议公示 — the village evaluated the case democratically and put it on public notice in the village for the
 * policy's number of days ({@code noticeFrom} to {@code noticeUntil}, both included).
 */
public record VillageEvaluationRecorded(String householdId, String regionCode, String leadId, String opinion,
                                        LocalDate evaluatedOn, LocalDate noticeFrom, LocalDate noticeUntil)
        implements HouseholdEvent {
}
