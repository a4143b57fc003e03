package org.fangpin.simulator;

import java.math.BigDecimal;

import org.fangpin.contracts.value.LeadChannel;

/**
 * A registered household of the simulated county and what happens to it in the simulated month.
 *
 * @param income       per-capita net income of the last 12 months, yuan (人均纯收入)
 * @param leadChannel  how its lead comes in this month, for {@link Fate#NEW_LEAD}
 * @param returned     the township returns its case once before approving it
 * @param rejected     the county rejects its case
 * @param rolledBack   for {@link Fate#ELIMINATED}: the look-back finds it poorer and it is rolled back
 */
record Household(int index, County.Village village, int villageGroup, String headName, String headIdNumber,
                 String category, int memberCount, BigDecimal income, Fate fate, LeadChannel leadChannel,
                 boolean returned, boolean rejected, boolean rolledBack) {

    /** What the household lives through. */
    enum Fate {
        /** registered, nothing happens to it this month */
        REGISTERED,
        /** a lead comes in this month (self-report, cadre visit or data comparison) and goes through identification */
        NEW_LEAD,
        /** the department file shows a medical self-pay above the warning line: a department lead */
        DEPARTMENT_HIT,
        /** monitored since eight months, income stable above the line: eliminated this month */
        STABLE,
        /** monitored, income below the line: warned and assisted this month */
        AT_RISK,
        /** eliminated two months ago, under look-back this month */
        ELIMINATED;

        boolean monitored() {
            return this == STABLE || this == AT_RISK || this == ELIMINATED;
        }
    }
}
