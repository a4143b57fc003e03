package org.fangpin.contracts.value;

/** 与户主关系 — a member's relation to the head of household. */
public enum Relation {
    HEAD("户主"),
    SPOUSE("配偶"),
    CHILD("子女"),
    PARENT("父母"),
    GRANDCHILD("孙子女"),
    SIBLING("兄弟姐妹"),
    OTHER("其他");

    private final String chineseName;

    Relation(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
