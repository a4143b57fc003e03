package org.fangpin.contracts.value;

/**
 * 监测对象类型 — the type of monitoring object the county identifies. The first three are those of the
 * prevention-of-return-to-poverty monitoring (防止返贫动态监测); the others those of normalised assistance to
 * low-income people (低收入人口常态化帮扶, from 2026), which a county enables by configuration.
 */
public enum ObjectType {
    UNSTABLE_ALLEVIATED("脱贫不稳定户"),
    MARGINAL_VULNERABLE("边缘易致贫户"),
    SUDDEN_HARDSHIP("突发严重困难户"),
    MINIMUM_LIVING_ALLOWANCE("低保对象"),
    EXTREME_HARDSHIP_SUPPORT("特困人员"),
    MARGINAL_LOW_INCOME("低保边缘家庭"),
    EXPENDITURE_HARDSHIP("支出型困难家庭");

    private final String chineseName;

    ObjectType(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }

    /** The types of the prevention-of-return-to-poverty monitoring, offered where no other model is configured. */
    public boolean preventionOfReturnToPoverty() {
        return ordinal() <= SUDDEN_HARDSHIP.ordinal();
    }
}
