package org.fangpin.identification.command;

/** Where an identification case stands; a closed case is no longer held by the household. */
public enum CaseStage {
    REPORTED("待入户核实"),
    VERIFIED("已入户核实，待村级评议"),
    PUBLIC_NOTICE("村级评议公示中，待乡镇审核"),
    TOWNSHIP_APPROVED("乡镇审核通过，待县级审定"),
    RETURNED_TO_VILLAGE("乡镇退回，待村级重新核实评议"),
    IDENTIFIED("已认定"),
    REJECTED("不予认定");

    private final String chineseName;

    CaseStage(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public boolean isClosed() {
        return this == IDENTIFIED || this == REJECTED;
    }
}
