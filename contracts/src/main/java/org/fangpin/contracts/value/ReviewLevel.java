package org.fangpin.contracts.value;

/** 审核层级 — the level that took a step of a procedure: 村 / 乡镇 / 县. */
public enum ReviewLevel {
    VILLAGE("村级"),
    TOWNSHIP("乡镇"),
    COUNTY("县级");

    private final String chineseName;

    ReviewLevel(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
