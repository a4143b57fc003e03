package org.fangpin.timeline.query;

/** What the status alone does not say about how the household got there. */
public enum StatusFlag {
    /** 整户无劳动能力兜底保障户: the risk stays un-eliminated by design. */
    SAFETY_NET("兜底保障"),
    /** The risk is un-eliminated again because the county approved a rollback of its elimination. */
    ROLLED_BACK("风险消除回退"),
    /** The risk is un-eliminated because a new risk was identified after elimination (not a rollback). */
    REIDENTIFIED("风险再标注"),
    /** The risk is eliminated and monthly monitoring goes on as look-back (回头看). */
    LOOK_BACK("回头看");

    private final String chineseName;

    StatusFlag(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
