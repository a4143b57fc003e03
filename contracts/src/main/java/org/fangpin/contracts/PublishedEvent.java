package org.fangpin.contracts;

/**
 * An event another service may read. Its subject is the Kafka key (so one subject's events stay in order) and the
 * CloudEvents {@code subject}; the region code files it for jurisdiction and the event log.
 */
public interface PublishedEvent {

    String subject();

    /** The statistical region code the event concerns: a village's 12 digits, or a prefix for a regional policy. */
    String regionCode();
}
