package org.fangpin.platform.actor;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import org.fangpin.contracts.trust.ActingClaims;

/**
 * The actor and correlation id of the work on this thread: from the authenticated request (JWT claims {@code sub},
 * {@code name}, {@code roles}, {@code region}) or, for work done on a received event, set explicitly with
 * {@link #runAs}.
 */
public final class RequestContext {

    private static final ThreadLocal<Actor> ACTOR = new ThreadLocal<>();
    private static final ThreadLocal<String> CORRELATION_ID = new ThreadLocal<>();

    private RequestContext() {
    }

    public static Optional<Actor> actor() {
        Actor explicit = ACTOR.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(fromJwt(jwt));
        }
        return Optional.empty();
    }

    public static Actor requireActor() {
        return actor().orElseThrow(() -> new IllegalStateException("no authenticated actor on this thread"));
    }

    /** The actor of a validated token: its one role and its region ({@link ActingClaims}). */
    public static Actor fromJwt(Jwt jwt) {
        Role role = ActingClaims.role(jwt.getClaimAsStringList("roles")).map(Role::valueOf).orElseThrow(() ->
                new IllegalStateException("token of " + jwt.getSubject() + " does not carry exactly one known role"));
        String name = jwt.getClaimAsString("name");
        return new Actor(jwt.getSubject(), name == null ? jwt.getSubject() : name, role,
                jwt.getClaimAsString("region"));
    }

    public static String correlationId() {
        String id = CORRELATION_ID.get();
        return id != null ? id : UUID.randomUUID().toString();
    }

    public static Optional<String> currentCorrelationId() {
        return Optional.ofNullable(CORRELATION_ID.get());
    }

    /** Runs work as the given actor within the given correlation, restoring what was there before. */
    public static <T> T runAs(Actor actor, String correlationId, Supplier<T> work) {
        Actor previousActor = ACTOR.get();
        String previousCorrelation = CORRELATION_ID.get();
        ACTOR.set(actor);
        CORRELATION_ID.set(correlationId);
        try {
            return work.get();
        } finally {
            restore(ACTOR, previousActor);
            restore(CORRELATION_ID, previousCorrelation);
        }
    }

    /** Sets the correlation id for a request thread; the caller clears it with {@link #clearCorrelationId()}. */
    public static void setCorrelationId(String correlationId) {
        CORRELATION_ID.set(correlationId);
    }

    public static void clearCorrelationId() {
        CORRELATION_ID.remove();
    }

    private static <T> void restore(ThreadLocal<T> local, T previous) {
        if (previous == null) {
            local.remove();
        } else {
            local.set(previous);
        }
    }
}
