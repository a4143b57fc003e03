package org.fangpin.contracts.value;

/** 户类别 — the household's standing before monitoring. */
public enum HouseholdCategory {
    /** 脱贫户 */
    POVERTY_ALLEVIATED,
    /** 一般农户 */
    GENERAL
}
