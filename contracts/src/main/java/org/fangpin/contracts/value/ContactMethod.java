package org.fangpin.contracts.value;

/** How the month's monitoring reached the household: 入户走访 or 电话 (the latter needs a reason). */
public enum ContactMethod {
    HOME_VISIT("入户走访"),
    PHONE("电话回访");

    private final String chineseName;

    ContactMethod(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
