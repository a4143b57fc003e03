package org.fangpin.contracts.value;

/** 预警等级 (seeds piece 8): Ⅰ级红色, Ⅱ级黄色, Ⅲ级蓝色; I is the most urgent. */
public enum WarningLevel {
    I_RED("Ⅰ级（红色）"),
    II_YELLOW("Ⅱ级（黄色）"),
    III_BLUE("Ⅲ级（蓝色）");

    private final String chineseName;

    WarningLevel(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
