package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.value.Health;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.Relation;

/**
 * 家庭成员增加 — a member joined the household (registration, birth, marriage, moving in). The head of household
 * is a member too ({@code relation = HEAD}).
 *
 * @param change why: {@code REGISTRATION}, {@code BIRTH}, {@code MARRIAGE}, {@code MOVED_IN}
 */
public record MemberAdded(String householdId, String regionCode, String memberId, String name, String idNumber,
                          Relation relation, LocalDate birthDate, LabourCapacity labourCapacity, Health health,
                          String change, LocalDate changedOn) implements HouseholdEvent {
}
