package org.fangpin.identification.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wiring of identification-service: its settings, the overdue schedule, failing read models fail the command. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(IdentificationProperties.class)
class IdentificationConfiguration {

    /**
     * The registry and policy read models run in the command's transaction; an error there (a second current
     * registration of an ID number) must undo the command rather than be logged and skipped.
     */
    @Bean
    ConfigurerModule readModelsFailTheirCommand() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler("ReadModel_Households", c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler("ReadModel_PolicyBook", c -> PropagatingErrorHandler.instance());
    }
}
