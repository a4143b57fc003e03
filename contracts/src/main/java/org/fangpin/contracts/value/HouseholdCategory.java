package org.fangpin.contracts.value;

/** 户类别 — the household's standing before monitoring. */
public enum HouseholdCategory {
    POVERTY_ALLEVIATED("脱贫户"),
    GENERAL("一般农户");

    private final String chineseName;

    HouseholdCategory(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
