package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 村级评议公示 — the village evaluated the case democratically and put it on public notice in the village for the
 * policy's number of days ({@code noticeFrom} to {@code noticeUntil}, both included).
 *
 * @param recordedAfterTheFact 补录: the whole notice period lay before the day it was recorded, so nobody could
 *                             object through the system while it ran; null in events recorded before it existed
 */
public record VillageEvaluationRecorded(String householdId, String regionCode, String leadId, String opinion,
                                        LocalDate evaluatedOn, LocalDate noticeFrom, LocalDate noticeUntil,
                                        Boolean recordedAfterTheFact)
        implements HouseholdEvent {

    public VillageEvaluationRecorded(String householdId, String regionCode, String leadId, String opinion,
                                     LocalDate evaluatedOn, LocalDate noticeFrom, LocalDate noticeUntil) {
        this(householdId, regionCode, leadId, opinion, evaluatedOn, noticeFrom, noticeUntil, null);
    }
}
