package org.fangpin.timeline.query;

/** The household's status as the county reads it, derived from the events of all services. */
public enum HouseholdStatus {
    NOT_MONITORED("未纳入监测"),
    UNDER_IDENTIFICATION("识别中"),
    RISK_NOT_ELIMINATED("风险未消除"),
    RISK_ELIMINATED("风险已消除"),
    /** 终止监测: the county closed the household's monitoring; a new identification opens it again. */
    MONITORING_CLOSED("已终止监测");

    private final String chineseName;

    HouseholdStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
