package org.fangpin.monitoring.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.fangpin.monitoring.process.department.DepartmentFileLimits;
import org.fangpin.monitoring.web.DepartmentUploadSlots;
import org.fangpin.platform.web.Problems;

/**
 * Where department uploads may write to disk, and how many are received at once. The spool directory is this
 * instance's own: what a crash left there is deleted at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DepartmentFileLimits.class)
class DepartmentFileConfiguration {

    /** After authentication and the role check, so that only an uploader's request takes a slot. */
    @Bean
    FilterRegistrationBean<DepartmentUploadSlots> departmentUploadSlots(DepartmentFileLimits limits, Problems problems,
                                                                       ObjectMapper json) throws IOException {
        emptied(limits.spoolDirectory());
        FilterRegistrationBean<DepartmentUploadSlots> registration = new FilterRegistrationBean<>(
                new DepartmentUploadSlots(limits.concurrentUploads(), problems, json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 6);
        return registration;
    }

    private static void emptied(Path directory) throws IOException {
        Files.createDirectories(directory);
        try (Stream<Path> left = Files.list(directory)) {
            for (Path file : left.filter(Files::isRegularFile).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
