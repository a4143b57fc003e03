package org.fangpin.platform.actor;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Stamps every dispatched command with its actor and correlation id. A command without an actor is refused, so no
 * event can be stored without saying who caused it.
 */
public class ActorDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String CORRELATION_ID = "correlationId";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(Actor.ID)) {
                return command;
            }
            Actor actor = RequestContext.actor().orElseThrow(() -> new IllegalStateException(
                    "command " + command.getCommandName() + " dispatched without an actor"));
            return command.andMetaData(actor.toMetaData())
                    .andMetaData(Map.of(CORRELATION_ID, RequestContext.correlationId()));
        };
    }
}
