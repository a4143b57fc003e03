package org.fangpin.platform.lease;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Once-per-cluster work under a lease in the service's own PostgreSQL (ShedLock): a scheduled method annotated
 * {@code @SchedulerLock(name = ...)} runs on one replica at a time, and {@link HeldLeases} holds a lease for as long
 * as a piece of work lasts (a batch, whose lease tells the other replicas that its owner lives). Leases are judged
 * by the database's clock, so replicas' clocks need not agree; a lease not released (its holder killed) expires
 * after its {@code lockAtMostFor}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class LeaseConfiguration {

    @Bean
    ExtensibleLockProvider leaseProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Bean
    HeldLeases heldLeases(ExtensibleLockProvider leaseProvider) {
        return new HeldLeases(leaseProvider);
    }
}
