package org.fangpin.contracts.value;

/** 区域性风险 (seeds piece 10, Ewenki §一(四)) — what struck a set of villages at once. */
public enum AreaHazardType {
    DISASTER("自然灾害"),
    PRICE_COLLAPSE("农产品价格大幅下跌"),
    INDUSTRY_FAILURE("产业失败");

    private final String chineseName;

    AreaHazardType(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
