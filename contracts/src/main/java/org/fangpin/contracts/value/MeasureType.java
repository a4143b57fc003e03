package org.fangpin.contracts.value;

/**
 * 帮扶措施类型 — the kinds of assistance measure. Development-type measures (开发式帮扶) raise the household's own
 * earning power; the others protect it.
 */
public enum MeasureType {
    INDUSTRY("产业帮扶", true),
    EMPLOYMENT("就业帮扶", true),
    PUBLIC_WELFARE_JOB("公益岗位", true),
    SAFETY_NET("兜底保障（低保/特困）", false),
    MEDICAL_AID("医疗救助", false),
    EDUCATION_AID("教育资助", false),
    HOUSING_SAFETY("住房安全", false),
    DRINKING_WATER("饮水安全", false),
    TEMPORARY_RELIEF("临时救助", false),
    SOCIAL_ASSISTANCE("社会帮扶", false),
    ANTI_POVERTY_INSURANCE("防贫保险", false),
    MICROCREDIT("小额信贷", true),
    MOTIVATION_AND_SKILLS("扶志扶智", true);

    private final String chineseName;
    private final boolean developmental;

    MeasureType(String chineseName, boolean developmental) {
        this.chineseName = chineseName;
        this.developmental = developmental;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }

    /** Whether the measure is development-type assistance (开发式帮扶). */
    public boolean developmental() {
        return developmental;
    }
}
