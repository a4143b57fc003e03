package org.fangpin.contracts.value;

/** 劳动能力 — 有 / 弱或半 / 无. */
public enum LabourCapacity {
    FULL("有劳动能力"),
    PARTIAL("弱劳动力或半劳动力"),
    NONE("无劳动能力");

    private final String chineseName;

    LabourCapacity(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
