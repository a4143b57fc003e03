package org.fangpin.contracts.identification;

import java.time.LocalDate;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.PersonalData;
import org.fangpin.contracts.value.Health;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.Relation;

/**
 * 家庭成员增加 — a member joined the household (registration, birth, marriage, moving in). The head of household
 * is a member too ({@code relation = HEAD}). Who the member is, their health, schooling and work are
 * {@link PersonalData}.
 *
 * @param change     why: {@code REGISTRATION}, {@code BIRTH}, {@code MARRIAGE}, {@code MOVED_IN}
 * @param schooling  在校情况 as the collector wrote it (e.g. 小学在读); null when not asked
 * @param employment 务工就业情况 as the collector wrote it (e.g. 区外务工); null when not asked
 */
public record MemberAdded(String householdId, String regionCode, String memberId, @PersonalData String name,
                          @PersonalData String idNumber, Relation relation, @PersonalData LocalDate birthDate,
                          LabourCapacity labourCapacity, @PersonalData Health health, String change,
                          LocalDate changedOn, @PersonalData String schooling, @PersonalData String employment)
        implements HouseholdEvent {

    public MemberAdded(String householdId, String regionCode, String memberId, String name, String idNumber,
                       Relation relation, LocalDate birthDate, LabourCapacity labourCapacity, Health health,
                       String change, LocalDate changedOn) {
        this(householdId, regionCode, memberId, name, idNumber, relation, birthDate, labourCapacity, health, change,
                changedOn, null, null);
    }
}
