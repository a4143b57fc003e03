package org.fangpin.contracts.value;

/** 致贫返贫风险类型 — the kind of risk that may push a household (back) into poverty. */
public enum RiskType {
    ILLNESS("因病"),
    DISABILITY("因残"),
    EDUCATION("因学"),
    DISASTER("因灾"),
    ACCIDENT("因意外事故"),
    INDUSTRY_FAILURE("因产业失败"),
    UNSTABLE_EMPLOYMENT("因务工就业不稳"),
    OTHER("其他");

    private final String chineseName;

    RiskType(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
