package org.fangpin.contracts.value;

/** 监测对象类型 — the type of monitoring object the county identifies. */
public enum ObjectType {
    UNSTABLE_ALLEVIATED("脱贫不稳定户"),
    MARGINAL_VULNERABLE("边缘易致贫户"),
    SUDDEN_HARDSHIP("突发严重困难户");

    private final String chineseName;

    ObjectType(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
