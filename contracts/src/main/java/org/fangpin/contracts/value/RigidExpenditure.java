package org.fangpin.contracts.value;

/** 刚性支出 — the kinds of rigid expenditure the warning lines of the policy judge (seeds piece 7). */
public enum RigidExpenditure {
    MEDICAL("因病自付医疗费用"),
    EDUCATION("因学支出"),
    DISASTER("因灾损失");

    private final String chineseName;

    RigidExpenditure(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
