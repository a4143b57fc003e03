package org.fangpin.contracts.value;

/** 三色管理 (seeds pieces 2, 9) — the grade of a 脱贫户 under monitoring: 红 补, 黄 扶, 绿 引. */
public enum ColourGrade {
    RED("红色"),
    YELLOW("黄色"),
    GREEN("绿色");

    private final String chineseName;

    ColourGrade(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The name the work plans use. */
    public String chineseName() {
        return chineseName;
    }
}
