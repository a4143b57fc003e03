package org.fangpin.platform.evidence;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.IntConsumer;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import org.fangpin.platform.evidence.EventStoreChain.BrokenEvent;
import org.fangpin.platform.evidence.EventStoreChain.Verification;

/**
 * The command-line verification of a service's event store: started with {@code --verify-evidence}, the service
 * verifies its store, prints the outcome (the first broken event, if any, and the first broken one of each aggregate)
 * and exits: status 0 when the store is intact, 3 when it is not. Meanwhile it runs as one more replica would, without
 * taking HTTP requests on the service's port or receiving from Kafka.
 */
public class EvidenceCommandLine implements ApplicationRunner {

    public static final String OPTION = "verify-evidence";
    static final int BROKEN = 3;
    private static final int LISTED = 1000;

    private final EventStoreChain chain;
    private final PrintStream out;
    private final IntConsumer exit;

    /** @param exit ends the service with the status given (closing its context first) */
    public EvidenceCommandLine(EventStoreChain chain, PrintStream out, IntConsumer exit) {
        this.chain = chain;
        this.out = out;
        this.exit = exit;
    }

    /** Closes the service's context and ends the process with the status given. */
    public static IntConsumer exitingProcess(ApplicationContext context) {
        return status -> System.exit(SpringApplication.exit(context, () -> status));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        Verification verification = chain.verifyAll(LISTED);
        report(verification);
        exit.accept(verification.intact() ? 0 : BROKEN);
    }

    private void report(Verification verification) {
        out.printf("event store: %d events in %d aggregates: %s%n", verification.events(), verification.aggregates(),
                verification.intact() ? "intact" : "BROKEN");
        if (!verification.intact()) {
            out.println("first broken event: " + describe(verification.firstBroken()));
            verification.broken().forEach(event -> out.println("  broken: " + describe(event)));
        }
        out.flush();
    }

    private static String describe(BrokenEvent event) {
        return "aggregate %s sequence %d event %s (%s, global index %d)".formatted(event.aggregateId(),
                event.sequenceNumber(), event.eventId(), event.fault(), event.globalIndex());
    }

    /**
     * With {@code --verify-evidence} the service listens on a free port and its Kafka consumers stay stopped, so the
     * verification can run beside the service's replicas.
     */
    public static class Defaults implements EnvironmentPostProcessor {

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            if (environment.containsProperty(OPTION)) {
                environment.getPropertySources().addFirst(new MapPropertySource("fangpin-verify-evidence",
                        Map.of("server.port", "0", "spring.kafka.listener.auto-startup", "false")));
            }
        }
    }
}
