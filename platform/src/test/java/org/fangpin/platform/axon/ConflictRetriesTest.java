package org.fangpin.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Axon's command gateway with the platform's retry scheduler, as every service has it. */
class ConflictRetriesTest {

    private final ConflictRetries retries = new ConflictRetries();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final CommandGateway commands = DefaultCommandGateway.builder().commandBus(commandBus)
            .retryScheduler(retries).build();
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        retries.destroy();
    }

    @Test
    void aCommandThatLostARaceIsSentAgainOnTheNewState() {
        commandBus.subscribe(String.class.getName(), command -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrencyException("another replica appended first");
            }
            return "recorded";
        });

        assertThat((String) commands.sendAndWait("入户走访")).isEqualTo("recorded");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aCommandThatKeepsLosingIsRefusedAfterItsRetries() {
        commandBus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("always someone first");
        });

        assertThatThrownBy(() -> commands.sendAndWait("入户走访")).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(ConflictRetries.MAX_RETRIES + 1);
    }

    @Test
    void aCommandRefusedByARuleIsNotSentAgain() {
        commandBus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("风险已消除");
        });

        assertThatThrownBy(() -> commands.sendAndWait("入户走访")).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
