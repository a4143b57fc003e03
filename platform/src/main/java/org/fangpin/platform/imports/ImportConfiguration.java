package org.fangpin.platform.imports;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The command-line run of a service's import, when the service has one and is started with a file to import. */
@Configuration(proxyBeanMethods = false)
public class ImportConfiguration {

    @Bean
    @ConditionalOnProperty("fangpin.import.file")
    ImportCommandLine importCommandLine(FileImport imports, Environment environment,
                                        ConfigurableApplicationContext context) {
        return new ImportCommandLine(imports, environment, context);
    }
}
