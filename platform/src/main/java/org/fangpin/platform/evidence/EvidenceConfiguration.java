package org.fangpin.platform.evidence;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.fangpin.platform.admin.AdminActions;

/**
 * Tamper evidence of every service's event store (ADR 0028): its verification over HTTP
 * ({@code GET /api/admin/<service>/evidence/verify}) and from the command line ({@code --verify-evidence}).
 */
@Configuration(proxyBeanMethods = false)
public class EvidenceConfiguration {

    @Bean
    EventStoreChain eventStoreChain(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new EventStoreChain(jdbc, transactions);
    }

    @Bean
    EvidenceController evidenceController(EventStoreChain chain, AdminActions actions) {
        return new EvidenceController(chain, actions);
    }

    @Bean
    EvidenceCommandLine evidenceCommandLine(EventStoreChain chain, ApplicationContext context) {
        return new EvidenceCommandLine(chain, System.out, EvidenceCommandLine.exitingProcess(context));
    }
}
