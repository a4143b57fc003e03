package org.fangpin.contracts.value;

/** 线索来源 — how a household came to the attention of the system. */
public enum LeadChannel {
    /** 农户自主申报 */
    SELF_REPORT,
    /** 乡村干部走访排查 */
    CADRE_VISIT,
    /** 行业部门筛查预警 */
    DEPARTMENT_SCREENING,
    /** 数据比对 */
    DATA_COMPARISON
}
