package org.fangpin.contracts.monitoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.fangpin.contracts.PublishedEvent;

/**
 * 漏测核查 — the county ran the check for missed monthly monitoring in its region on demand, rather than wait for
 * the night: who ran it and when is on record (the actor in the envelope), even when no household was missed.
 *
 * @param regionCode        the region prefix checked (the county, or a township or village of it)
 * @param months            the months whose reporting day had come in at least one village of the region
 * @param householdsFlagged households newly flagged as missed (a month already flagged is not counted again)
 */
public record MissedMonitoringChecked(String checkId, String regionCode, LocalDate checkedOn, List<YearMonth> months,
                                      int householdsFlagged) implements PublishedEvent {

    @Override
    public String subject() {
        return "missed-check:" + checkId;
    }
}
