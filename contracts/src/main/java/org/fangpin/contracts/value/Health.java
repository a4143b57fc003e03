package org.fangpin.contracts.value;

/** 健康状况. */
public enum Health {
    HEALTHY("健康"),
    CHRONIC_ILLNESS("长期慢性病"),
    SERIOUS_ILLNESS("患大病"),
    DISABLED("残疾");

    private final String chineseName;

    Health(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
