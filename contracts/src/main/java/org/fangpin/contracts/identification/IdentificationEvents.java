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
            new Entry(MemberRemoved.class, "identification", 1),
            new Entry(LeadMerged.class, "identification", 1),
            new Entry(ReidentificationOpened.class, "identification", 1),
            new Entry(VillageEvaluationRecorded.class, "identification", 1),
            new Entry(PublicNoticeObjectionRecorded.class, "identification", 1),
            new Entry(TownshipApproved.class, "identification", 1),
            new Entry(TownshipReturned.class, "identification", 1),
            new Entry(CountyReturned.class, "identification", 1),
            new Entry(IdentificationRejected.class, "identification", 1),
            new Entry(HouseholdReidentified.class, "identification", 1),
            new Entry(IdentificationOverdue.class, "identification", 1),
            new Entry(PolicyCorrected.class, "identification", 1));

    private IdentificationEvents() {
    }
}
