package org.fangpin.platform.evidence;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.trust.ActingClaims;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.admin.AdminActions;
import org.fangpin.platform.evidence.EventStoreChain.Link;
import org.fangpin.platform.evidence.EventStoreChain.Verification;
import org.fangpin.platform.web.RuleViolation;

/**
 * The proof that this service's event store is as it was appended ({@code /api/admin/<service>/evidence/}). It names
 * the events of every region, so only an ADMIN or an INSPECTOR of national scope (region {@code 00}) asks for it;
 * every request, allowed or refused, is recorded with the admin actions.
 */
@RestController
@RequestMapping("/api/admin/${fangpin.service}/evidence")
@Validated
@Tag(name = "存证核验", description = "Proof that this service's event store is as it was appended")
class EvidenceController {

    static final String VERIFY = "EVIDENCE_VERIFY";
    static final String NATIONAL_SCOPE_REQUIRED = "NATIONAL_SCOPE_REQUIRED";

    private final EventStoreChain chain;
    private final AdminActions actions;

    EvidenceController(EventStoreChain chain, AdminActions actions) {
        this.chain = chain;
        this.actions = actions;
    }

    /**
     * @param aggregateId the aggregate (for households: the household id) whose links are listed; absent: the whole
     *                    store is verified
     * @param links       that aggregate's links in sequence order, each with its stored hash (hex) and whether it holds
     */
    record StoreVerification(boolean intact, long aggregates, long events, EventStoreChain.BrokenEvent firstBroken,
                             List<EventStoreChain.BrokenEvent> broken, String aggregateId, List<Link> links) {
    }

    /**
     * Recomputes the hash chain of every aggregate in the store (or of the one asked for) and names the first broken
     * event: its aggregate, sequence number and event id, and whether it was altered or is missing.
     */
    @GetMapping("/verify")
    @PreAuthorize("hasAnyRole('ADMIN', 'INSPECTOR')")
    @Operation(summary = "存证核验 — verify the event store's hash chains",
            description = "An ADMIN or INSPECTOR of national scope (region 00); every request, allowed or refused, "
                    + "is recorded. Recomputes the hash chain of every aggregate in the store (or of the one "
                    + "given as aggregate, for households the household id) and names the first broken event: "
                    + "its aggregate, sequence number and event id, and whether it was altered or is missing.")
    StoreVerification verify(@RequestParam(name = "aggregate", required = false) String aggregateId,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(10000) int limit) {
        Actor actor = RequestContext.requireActor();
        if (!ActingClaims.NATIONAL.equals(actor.region())) {
            actions.record(VERIFY, NATIONAL_SCOPE_REQUIRED);
            throw RuleViolation.forbidden(NATIONAL_SCOPE_REQUIRED, actor.region());
        }
        actions.record(VERIFY, AdminActions.ACCEPTED);
        StoreVerification verification;
        if (aggregateId == null) {
            Verification store = chain.verifyAll(limit);
            verification = new StoreVerification(store.intact(), store.aggregates(), store.events(),
                    store.firstBroken(), store.broken(), null, null);
        } else {
            EventStoreChain.AggregateChain aggregate = chain.aggregate(aggregateId);
            Verification one = aggregate.verification();
            verification = new StoreVerification(one.intact(), one.aggregates(), one.events(), one.firstBroken(),
                    one.broken(), aggregateId, aggregate.links());
        }
        actions.record(VERIFY, AdminActions.DONE);
        return verification;
    }
}
