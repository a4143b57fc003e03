package org.fangpin.contracts.value;

/** 行业部门 — the line departments that share data with the monitoring (seeds piece 8, Ewenki §一(三)). */
public enum Department {
    MEDICAL_INSURANCE("医保局"),
    CIVIL_AFFAIRS("民政局"),
    DISABLED_PERSONS_FEDERATION("残联"),
    EDUCATION("教育局"),
    HOUSING("住建局"),
    WATER_RESOURCES("水利局"),
    EMERGENCY_MANAGEMENT("应急管理局"),
    HUMAN_RESOURCES("人社局");

    private final String chineseName;

    Department(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
