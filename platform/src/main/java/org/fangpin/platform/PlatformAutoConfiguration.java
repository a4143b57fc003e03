package org.fangpin.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import org.fangpin.platform.axon.AxonPlatformConfiguration;
import org.fangpin.platform.consuming.ConsumingConfiguration;
import org.fangpin.platform.policy.PolicyConfiguration;
import org.fangpin.platform.publishing.PublishingConfiguration;
import org.fangpin.platform.security.SecurityConfiguration;
import org.fangpin.platform.web.WebConfiguration;

/** What a service gets by depending on {@code platform}. */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
@Import({AxonPlatformConfiguration.class, PublishingConfiguration.class, ConsumingConfiguration.class,
        SecurityConfiguration.class, WebConfiguration.class, PolicyConfiguration.class})
public class PlatformAutoConfiguration {
}
