package org.fangpin.contracts.value;

/** 致贫返贫风险类型 — the kind of risk that may push a household (back) into poverty. */
public enum RiskType {
    /** 因病 */
    ILLNESS,
    /** 因残 */
    DISABILITY,
    /** 因学 */
    EDUCATION,
    /** 因灾 */
    DISASTER,
    /** 因意外事故 */
    ACCIDENT,
    /** 因产业失败 */
    INDUSTRY_FAILURE,
    /** 因务工就业不稳 */
    UNSTABLE_EMPLOYMENT,
    /** 其他 */
    OTHER
}
