package org.fangpin.contracts.identification;

import java.util.List;

import org.fangpin.contracts.EventCatalog.Entry;

/** The events identification-service publishes on {@code fangpin.identification.v1}. */
public final class IdentificationEvents {

    public static final List<Entry> PUBLISHED = List.of(
            new Entry(HouseholdRegistered.class, "identification", 1),
            new Entry(LeadReported.class, "identification", 1),
            new Entry(HouseholdVerified.class, "identification", 1),
            new Entry(HouseholdIdentified.class, "identification", 1),
            new Entry(PolicyChanged.class, "identification", 1),
            new Entry(MemberAdded.class, "identification", 1),
            new Entry(MemberRemoved.class, "identification", 1));

    private IdentificationEvents() {
    }
}
