package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;

/**
 * 家庭成员减少 — a member left the household.
 *
 * @param change why: {@code DEATH}, {@code MARRIAGE}, {@code MOVED_OUT}
 */
public record MemberRemoved(String householdId, String regionCode, String memberId, String change,
                            LocalDate changedOn) implements HouseholdEvent {
}
