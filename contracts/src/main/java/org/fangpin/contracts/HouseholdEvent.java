package org.fangpin.contracts;

/**
 * Every published event concerns one household: it is keyed by the household id on Kafka (so each household's
 * events stay in order) and filed under the household's region code.
 */
public interface HouseholdEvent {

    String householdId();

    /** 12-digit statistical region code of the household's village (统计用区划代码). */
    String regionCode();
}
