package org.fangpin.contracts.monitoring;

import java.time.LocalDate;
import java.util.List;

import org.fangpin.contracts.PublishedEvent;
import org.fangpin.contracts.value.AreaHazardType;

/**
 * 区域性风险 — a disaster, price collapse or industry failure was declared for a set of villages; every monitored
 * household there is to be visited at once ({@link ImmediateVisitRequested}).
 *
 * @param regionCode the common prefix of the villages (the township or county that declared it)
 * @param villages   the 12-digit codes of the villages struck
 */
public record AreaHazardDeclared(String hazardId, String regionCode, List<String> villages,
                                 AreaHazardType hazardType, String description, LocalDate declaredOn)
        implements PublishedEvent {

    @Override
    public String subject() {
        return "hazard:" + hazardId;
    }
}
