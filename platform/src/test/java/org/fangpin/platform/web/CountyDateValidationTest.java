package org.fangpin.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.validation.Validator;
import jakarta.validation.constraints.PastOrPresent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class CountyDateValidationTest {

    /** 17:00 UTC on 7 December is 01:00 on 8 December in the county. */
    private static final Clock COUNTY_CLOCK =
            Clock.fixed(Instant.parse("2026-12-07T17:00:00Z"), ZoneId.of("Asia/Shanghai"));

    record Visit(@PastOrPresent LocalDate recordedOn) {
    }

    @Test
    void todayInTheCountyIsNotInTheFutureWhileTheServersDateIsStillYesterday() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withBean(ValidationConfigurationCustomizer.class,
                        () -> new WebConfiguration().countyClockForValidation(COUNTY_CLOCK))
                .run(context -> {
                    Validator validator = context.getBean(Validator.class);
                    assertThat(validator.validate(new Visit(LocalDate.of(2026, 12, 8)))).isEmpty();
                    assertThat(validator.validate(new Visit(LocalDate.of(2026, 12, 9)))).hasSize(1);
                });
    }
}
