package org.fangpin.timeline.web;

import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.security.Jurisdiction;

/**
 * Who reads the timeline service: the platform's household readers ({@link Jurisdiction#HOUSEHOLD_READERS}), each
 * within its region. A department officer shares its department's data and reads its batches only.
 */
final class Readers {

    static final String REGION = "\\d{6}|\\d{9}|\\d{12}";

    private Readers() {
    }

    /** The region asked for, or the caller's own; refused unless within the caller's jurisdiction. */
    static String region(String asked) {
        String region = asked != null ? asked : RequestContext.requireActor().regionPrefix();
        Jurisdiction.requireWithin(region);
        return region;
    }
}
