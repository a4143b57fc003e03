package org.fangpin.identification.process;

import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import org.fangpin.identification.command.Policy.RecordBaselineCommand;
import org.fangpin.identification.config.IdentificationProperties;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.policy.PolicyBook;

/**
 * At the first start, when no policy exists, records the configured baseline (national lines by year, provinces
 * above them) as policy changes by the service's system actor, so that even the defaults are audited events and
 * reach every other service's policy book.
 */
@Component
class PolicyBaseline implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PolicyBaseline.class);

    private final CommandGateway commands;
    private final PolicyBook policies;
    private final IdentificationProperties properties;

    PolicyBaseline(CommandGateway commands, PolicyBook policies, IdentificationProperties properties) {
        this.commands = commands;
        this.policies = policies;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!policies.isEmpty()) {
            return;
        }
        String correlation = "policy-baseline-" + UUID.randomUUID();
        RequestContext.runAs(Actor.system("identification-service"), correlation, () -> {
            properties.policyBaseline().forEach(baseline -> commands.sendAndWait(RecordBaselineCommand.of(
                    baseline.regionPrefix(), baseline.year(), baseline.thresholds(), baseline.reason())));
            return null;
        });
        log.info("Recorded the policy baseline: {} region-years (correlation {})", properties.policyBaseline().size(),
                correlation);
    }
}
