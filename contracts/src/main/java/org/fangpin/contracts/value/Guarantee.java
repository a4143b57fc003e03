package org.fangpin.contracts.value;

/** 两不愁三保障 + 饮水安全 — the six guarantees monitored every month. */
public enum Guarantee {
    FOOD("不愁吃"),
    CLOTHING("不愁穿"),
    HOUSING_SAFETY("住房安全"),
    COMPULSORY_EDUCATION("义务教育"),
    BASIC_MEDICAL("基本医疗"),
    DRINKING_WATER("饮水安全");

    private final String chineseName;

    Guarantee(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
