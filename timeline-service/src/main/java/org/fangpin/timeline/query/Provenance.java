package org.fangpin.timeline.query;

/**
 * Where an imported event came from (ADR 0035): the file and its line, the header being line 1. Shown on the
 * timeline as 存量导入：file 第 n 行.
 */
public record Provenance(String file, Integer row) {

    /** {@code null} when neither is known: a step recorded live. */
    public static Provenance of(String file, Integer row) {
        return file == null && row == null ? null : new Provenance(file, row);
    }

    public String text() {
        return "存量导入：" + (file == null ? "" : file) + (row == null ? "" : " 第 " + row + " 行");
    }
}
