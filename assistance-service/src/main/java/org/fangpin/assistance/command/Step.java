package org.fangpin.assistance.command;

/** Where a village-township-county procedure (elimination, rollback) stands; {@code null} when none is running. */
enum Step {
    /** 村级申请 */
    PROPOSED,
    /** 乡镇核实 — the county decides next */
    VERIFIED
}
