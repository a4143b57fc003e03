package org.fangpin.platform.actor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.fangpin.contracts.envelope.ActorRef;
import org.fangpin.contracts.trust.ActingClaims;

/**
 * Who acts: "谁采集、谁录入、谁负责". Every command carries its actor and every event stores it in its metadata.
 *
 * @param region the division code the actor acts for (2 to 12 digits, {@code 00} for a national scope); empty for a
 *               system actor
 */
public record Actor(String id, String name, Role role, String region) {

    public static final String ID = "actor";
    public static final String NAME = "actorName";
    public static final String ROLE = "actorRole";
    public static final String REGION = "actorRegion";

    /** A service acting on another service's event, e.g. monitoring-service starting monitoring. */
    public static Actor system(String service) {
        return new Actor("system:" + service, service, Role.SYSTEM, "");
    }

    public Map<String, Object> toMetaData() {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(ID, id);
        metaData.put(NAME, name);
        metaData.put(ROLE, role.name());
        metaData.put(REGION, region);
        return metaData;
    }

    public static Optional<Actor> fromMetaData(Map<String, ?> metaData) {
        Object id = metaData.get(ID);
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new Actor(id.toString(), String.valueOf(metaData.get(NAME)),
                Role.valueOf(String.valueOf(metaData.get(ROLE))), String.valueOf(metaData.get(REGION))));
    }

    /** The prefix of the region codes this actor's region reaches: {@code ""} for the national scope. */
    public String regionPrefix() {
        return ActingClaims.prefix(region);
    }

    public ActorRef toRef() {
        return new ActorRef(id, name, role.name(), region);
    }
}
