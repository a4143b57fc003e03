package org.fangpin.contracts.identification;

import org.fangpin.contracts.PublishedEvent;

/**
 * 政策参数调整 — the thresholds of a region and year were set or changed. The region is a prefix: {@code ""} for
 * the national baseline, {@code "15"} for a province, {@code "150724"} for a county; the most specific prefix of a
 * household's region code wins.
 */
public record PolicyChanged(String regionCode, int year, PolicyThresholds thresholds, String reason)
        implements PublishedEvent {

    @Override
    public String subject() {
        return "policy:" + (regionCode.isEmpty() ? "national" : regionCode) + ":" + year;
    }
}
