package org.fangpin.platform;

import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import org.fangpin.platform.admin.AdminConfiguration;
import org.fangpin.platform.axon.AxonPlatformConfiguration;
import org.fangpin.platform.consuming.ConsumingConfiguration;
import org.fangpin.platform.evidence.EvidenceConfiguration;
import org.fangpin.platform.health.HealthConfiguration;
import org.fangpin.platform.imports.ImportConfiguration;
import org.fangpin.platform.lease.LeaseConfiguration;
import org.fangpin.platform.openapi.OpenApiConfiguration;
import org.fangpin.platform.policy.PolicyConfiguration;
import org.fangpin.platform.publishing.PublishingConfiguration;
import org.fangpin.platform.security.SecurityConfiguration;
import org.fangpin.platform.web.WebConfiguration;

/**
 * What a service gets by depending on {@code platform}. Ordered before Axon's JDBC auto-configuration, which backs
 * off for the platform's persistence exception resolver.
 */
@AutoConfiguration(before = JdbcAutoConfiguration.class)
@EnableConfigurationProperties(PlatformProperties.class)
@Import({AxonPlatformConfiguration.class, PublishingConfiguration.class, ConsumingConfiguration.class,
        SecurityConfiguration.class, WebConfiguration.class, PolicyConfiguration.class, HealthConfiguration.class,
        LeaseConfiguration.class, AdminConfiguration.class, EvidenceConfiguration.class,
        ImportConfiguration.class, OpenApiConfiguration.class})
public class PlatformAutoConfiguration {
}
