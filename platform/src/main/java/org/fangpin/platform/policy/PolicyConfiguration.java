package org.fangpin.platform.policy;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fangpin.platform.consuming.EventInbox;

/** Every service reads policy from its own {@link PolicyBook}; all but its owner keep it from the events. */
@Configuration(proxyBeanMethods = false)
public class PolicyConfiguration {

    @Bean
    PolicyBook policyBook(JdbcClient jdbc) {
        return new PolicyBook(jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "fangpin.policy.replica", havingValue = "true")
    PolicyReplica policyReplica(EventInbox inbox, PolicyBook book) {
        return new PolicyReplica(inbox, book);
    }
}
