package org.fangpin.identification.command;

/** 家庭成员变更 — why a member joined or left the household. */
public enum MemberChange {
    REGISTRATION(true, false),
    BIRTH(true, false),
    MARRIAGE(true, true),
    MOVED_IN(true, false),
    DEATH(false, true),
    MOVED_OUT(false, true);

    private final boolean joins;
    private final boolean leaves;

    MemberChange(boolean joins, boolean leaves) {
        this.joins = joins;
        this.leaves = leaves;
    }

    public boolean joins() {
        return joins;
    }

    public boolean leaves() {
        return leaves;
    }
}
