package org.fangpin.contracts.value;

/** 劳动能力 — 有 / 弱或半 / 无. */
public enum LabourCapacity {
    FULL,
    PARTIAL,
    NONE
}
