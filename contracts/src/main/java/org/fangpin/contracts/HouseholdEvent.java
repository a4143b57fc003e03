package org.fangpin.contracts;

/** Most published events concern one household: their subject is the household id. */
public interface HouseholdEvent extends PublishedEvent {

    String householdId();

    @Override
    default String subject() {
        return householdId();
    }
}
