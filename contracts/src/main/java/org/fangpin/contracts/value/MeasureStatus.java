package org.fangpin.contracts.value;

/** 帮扶措施进度 — where a measure stands. */
public enum MeasureStatus {
    PLANNED("已制定"),
    IN_PROGRESS("落实中"),
    COMPLETED("已完成"),
    /** 渐退期: a safety-net measure that is ending but still paid until its gradual exit is over. */
    GRADUAL_EXIT("渐退期"),
    ENDED("已终止");

    private final String chineseName;

    MeasureStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }

    /** Whether the measure has been carried out: started, done, or phasing out. */
    public boolean carriedOut() {
        return this == IN_PROGRESS || this == COMPLETED || this == GRADUAL_EXIT;
    }

    /** Whether nothing more happens to the measure. */
    public boolean closed() {
        return this == COMPLETED || this == ENDED;
    }
}
