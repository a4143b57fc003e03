package org.fangpin.contracts.identification;

import org.fangpin.contracts.PublishedEvent;

/**
 * 政策参数更正 — thresholds that decisions may already have used (their year has begun) were corrected, with the
 * reason the correction states. Decisions made before keep the thresholds they recorded; what follows uses these.
 *
 * @param previous the thresholds in place before the correction
 */
public record PolicyCorrected(String regionCode, int year, PolicyThresholds thresholds, PolicyThresholds previous,
                              String reason) implements PublishedEvent {

    @Override
    public String subject() {
        return subject(regionCode, year);
    }

    /** The subject of the events of a region prefix and year: {@code policy:<prefix or national>:<year>}. */
    static String subject(String regionCode, int year) {
        return "policy:" + (regionCode.isEmpty() ? "national" : regionCode) + ":" + year;
    }
}
