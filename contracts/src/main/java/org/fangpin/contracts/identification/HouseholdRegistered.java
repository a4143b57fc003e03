package org.fangpin.contracts.identification;

import java.util.List;

import org.fangpin.contracts.HouseholdEvent;
import org.fangpin.contracts.PersonalData;
import org.fangpin.contracts.value.CategoryFlag;
import org.fangpin.contracts.value.HouseholdCategory;

/**
 * 户登记 — a household entered the registry with its head of household. The members follow as {@link MemberAdded}
 * events, the head first.
 *
 * @param categoryFlags 低保 / 特困 / 易地搬迁; empty in events recorded before the flags existed
 */
public record HouseholdRegistered(String householdId, String regionCode, Integer villageGroup,
                                  @PersonalData String headName, @PersonalData String headIdNumber,
                                  HouseholdCategory category, int memberCount,
                                  List<CategoryFlag> categoryFlags) implements HouseholdEvent {

    public HouseholdRegistered {
        categoryFlags = categoryFlags == null ? List.of() : List.copyOf(categoryFlags);
    }

    public HouseholdRegistered(String householdId, String regionCode, Integer villageGroup, String headName,
                               String headIdNumber, HouseholdCategory category, int memberCount) {
        this(householdId, regionCode, villageGroup, headName, headIdNumber, category, memberCount, List.of());
    }
}
