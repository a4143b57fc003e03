package org.fangpin.identification.command;

/** Where an identification case stands. */
enum CaseStage {
    /** 线索已上报, awaiting home verification */
    REPORTED,
    /** 已入户核实 */
    VERIFIED,
    /** 已认定 — the case is closed */
    IDENTIFIED
}
