package org.fangpin.identification.command;

/** The due dates of an identification case (时限). */
public enum Deadline {
    /** 入户核实时限, in working days after the lead */
    VERIFICATION,
    /** 识别认定时限, in days from discovery to the county decision */
    DECISION
}
