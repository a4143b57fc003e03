package org.fangpin.timeline.web;

import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.security.Jurisdiction;

/**
 * Who reads the timeline service: the platform's household readers ({@link Jurisdiction#HOUSEHOLD_READERS}), each
 * within its region. A department officer shares its department's data and reads its batches only. A region asked
 * for is a division code ({@code RegionCode.PREFIX}, validated on each endpoint's parameter), never a pattern.
 */
final class Readers {

    private Readers() {
    }

    /**
     * The region asked for, or the prefix the caller's own region reaches ({@code ""}, everything, for a national
     * scope); refused unless within the caller's jurisdiction.
     */
    static String region(String asked) {
        String region = asked != null ? asked : RequestContext.requireActor().regionPrefix();
        Jurisdiction.requireWithin(region);
        return region;
    }
}
