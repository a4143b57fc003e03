package org.fangpin.platform.imports;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fangpin.platform.web.Problems;

/**
 * The ids of imported households, the import batches of the API, and the command-line run of a service's import
 * when the service has one and is started with a file to import.
 */
@Configuration(proxyBeanMethods = false)
public class ImportConfiguration {

    @Bean
    ImportIds importIds(@Value("${fangpin.imports.id-key:}") String key) {
        return new ImportIds(key);
    }

    @Bean
    ImportRuns importRuns(JdbcClient jdbc, ObjectMapper json, Problems problems) {
        return new ImportRuns(jdbc, json, problems, Duration.ofSeconds(1));
    }

    @Bean
    @ConditionalOnProperty("fangpin.import.file")
    ImportCommandLine importCommandLine(FileImport imports, Environment environment,
                                        ConfigurableApplicationContext context) {
        return new ImportCommandLine(imports, environment, context);
    }
}
