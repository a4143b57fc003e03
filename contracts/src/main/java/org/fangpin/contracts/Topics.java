package org.fangpin.contracts;

/** The Kafka topics each service publishes its events to; the version is the topic's envelope version. */
public final class Topics {

    public static final String IDENTIFICATION = "fangpin.identification.v1";
    /** identification-service's events with their {@link PersonalData}, for monitoring-service and timeline-service. */
    public static final String IDENTIFICATION_PERSONAL = "fangpin.identification.personal.v1";
    public static final String MONITORING = "fangpin.monitoring.v1";
    public static final String ASSISTANCE = "fangpin.assistance.v1";
    /** Every service's signed chain-head digests (ADR 0028), for whoever checks the event stores from outside. */
    public static final String EVIDENCE = "fangpin.evidence.v1";

    private Topics() {
    }
}
