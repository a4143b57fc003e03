package org.fangpin.contracts.value;

/** 监测对象类型 — the type of monitoring object the county identifies. */
public enum ObjectType {
    /** 脱贫不稳定户 */
    UNSTABLE_ALLEVIATED,
    /** 边缘易致贫户 */
    MARGINAL_VULNERABLE,
    /** 突发严重困难户 */
    SUDDEN_HARDSHIP
}
