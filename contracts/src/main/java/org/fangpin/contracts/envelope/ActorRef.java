package org.fangpin.contracts.envelope;

/** Who caused an event: user id (JWT {@code sub}), display name, role and the region the user acts for. */
public record ActorRef(String id, String name, String role, String region) {
}
