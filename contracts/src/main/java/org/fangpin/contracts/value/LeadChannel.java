package org.fangpin.contracts.value;

/** 线索来源 — how a household came to the attention of the system. */
public enum LeadChannel {
    SELF_REPORT("农户自主申报"),
    CADRE_VISIT("乡村干部走访排查"),
    DEPARTMENT_SCREENING("行业部门筛查预警"),
    DATA_COMPARISON("数据比对");

    private final String chineseName;

    LeadChannel(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
