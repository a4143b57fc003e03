package org.fangpin.monitoring.process;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.contracts.monitoring.AreaHazardDeclared;
import org.fangpin.contracts.value.AreaHazardType;
import org.fangpin.monitoring.command.Commands.RequestImmediateVisitCommand;

/**
 * 区域性风险 (seeds piece 10): a hazard declared for villages asks for an immediate visit to every household
 * monitored there, in short transactions of a few hundred households.
 */
@Component
public class AreaHazards {

    private static final int CHUNK = 200;

    private final DirectEvents events;
    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    AreaHazards(DirectEvents events, CommandGateway commands, JdbcClient jdbc, TransactionTemplate transactions) {
        this.events = events;
        this.commands = commands;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public record Declared(String hazardId, int householdsToVisit) {
    }

    /** @param regionCode the region that declares it, the common prefix of the villages */
    public Declared declare(String regionCode, List<String> villages, AreaHazardType hazardType, String description,
                            LocalDate declaredOn) {
        String hazardId = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> events.publish(List.of(new AreaHazardDeclared(hazardId,
                regionCode, villages, hazardType, description, declaredOn))));
        List<String> households = jdbc.sql("""
                        SELECT household_id FROM monitored_household
                        WHERE region_code IN (:villages) AND closed_on IS NULL
                        ORDER BY household_id""")
                .param("villages", villages)
                .query(String.class).list();
        for (int from = 0; from < households.size(); from += CHUNK) {
            List<String> chunk = households.subList(from, Math.min(from + CHUNK, households.size()));
            transactions.executeWithoutResult(status -> chunk.forEach(householdId -> commands.sendAndWait(
                    new RequestImmediateVisitCommand(householdId, hazardId, hazardType, declaredOn))));
        }
        return new Declared(hazardId, households.size());
    }
}
