package org.fangpin.contracts.value;

/** Why the county closed a household's monitoring (终止监测). */
public enum ClosureReason {
    /** The risk was eliminated and look-back monitoring found the household stable. */
    STABLE_AFTER_LOOK_BACK("回头看后稳定，不再监测"),
    /** 整户消亡 — no member of the household remains (all deceased, household registration cancelled). */
    HOUSEHOLD_DISSOLVED("整户消亡"),
    /** 整户迁出 — the whole household moved out of the county. */
    MOVED_AWAY("整户迁出");

    private final String chineseName;

    ClosureReason(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
