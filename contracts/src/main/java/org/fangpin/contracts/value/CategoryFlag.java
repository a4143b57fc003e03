package org.fangpin.contracts.value;

/** 户类别标识 — standings a household holds besides its category (低保, 特困, 易地搬迁). */
public enum CategoryFlag {
    MINIMUM_LIVING_ALLOWANCE("低保户"),
    EXTREME_HARDSHIP_SUPPORT("特困供养"),
    RELOCATED("易地扶贫搬迁户");

    private final String chineseName;

    CategoryFlag(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
