package org.fangpin.contracts.identification;

import org.fangpin.contracts.PublishedEvent;

/**
 * 政策参数调整 — the thresholds of a region and year were set or changed before any decision could have used them.
 * The region is a prefix: {@code ""} for the national baseline, {@code "15"} for a province, {@code "150724"} for a
 * county. For a year, the latest year's entry not after it wins, and of that year the most specific prefix of a
 * household's region code.
 *
 * @param previous the thresholds this region and year had before; null when they are set for the first time, and
 *                 in events recorded before it existed
 */
public record PolicyChanged(String regionCode, int year, PolicyThresholds thresholds, String reason,
                            PolicyThresholds previous) implements PublishedEvent {

    public PolicyChanged(String regionCode, int year, PolicyThresholds thresholds, String reason) {
        this(regionCode, year, thresholds, reason, null);
    }

    @Override
    public String subject() {
        return PolicyCorrected.subject(regionCode, year);
    }
}
