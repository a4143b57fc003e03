package org.fangpin.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import org.fangpin.contracts.identification.PolicyChanged;
import org.fangpin.contracts.identification.PolicyCorrected;
import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.platform.web.RuleViolation;
import org.fangpin.testsupport.PostgresServer;

class PolicyBookIT {

    private static PostgresServer.TestDatabase database;
    private static PolicyBook book;

    @BeforeAll
    static void migrate() {
        database = PostgresServer.get().createDatabase("policy_book");
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(), database.jdbcUrl());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        book = new PolicyBook(JdbcClient.create(dataSource));
        book.record(change("", 2023, "7500.00"), "e1", Instant.parse("2023-01-01T00:00:00Z"));
        book.record(change("15", 2024, "8300.00"), "e2", Instant.parse("2024-01-01T00:00:00Z"));
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void theMostSpecificRegionOfTheLatestYearNotAfterTheAskedYearApplies() {
        assertThat(book.thresholds("150724213201", 2024)).get()
                .extracting(PolicyThresholds::monitoringLine).isEqualTo(new BigDecimal("8300.00"));
        assertThat(book.thresholds("150724213201", 2023)).get()
                .extracting(PolicyThresholds::monitoringLine).isEqualTo(new BigDecimal("7500.00"));
        assertThat(book.thresholds("110105001001", 2025)).get()
                .extracting(PolicyThresholds::monitoringLine).isEqualTo(new BigDecimal("7500.00"));
        assertThat(book.thresholds("150724213201", 2020)).isEmpty();
    }

    @Test
    void anEarlierYearOfAMoreSpecificRegionNeverShadowsALaterProvincialLine() {
        book.record(change("150724213201", 2023, "7600.00"), "e5", Instant.parse("2023-02-01T00:00:00Z"));

        assertThat(book.thresholds("150724213201", 2023)).get()
                .extracting(PolicyThresholds::monitoringLine).isEqualTo(new BigDecimal("7600.00"));
        assertThat(book.thresholds("150724213201", 2026)).get()
                .extracting(PolicyThresholds::monitoringLine).isEqualTo(new BigDecimal("8300.00"));
        assertThat(book.thresholds("150724213202", 2023)).get()
                .extracting(PolicyThresholds::monitoringLine).isEqualTo(new BigDecimal("7500.00"));
    }

    @Test
    void aCorrectionReplacesTheThresholdsOfItsRegionAndYear() {
        PolicyThresholds corrected = change("1529", 2024, "8400.00").thresholds();
        book.record(change("1529", 2024, "8350.00"), "e6", Instant.parse("2024-02-01T00:00:00Z"));
        book.record(new PolicyCorrected("1529", 2024, corrected, change("1529", 2024, "8350.00").thresholds(),
                "录入错误更正"), "e7", Instant.parse("2024-03-01T00:00:00Z"));

        assertThat(book.thresholds("152921100201", 2024)).get()
                .extracting(PolicyThresholds::monitoringLine).isEqualTo(new BigDecimal("8400.00"));
    }

    @Test
    void thePolicyInForceSaysWhereItComesFrom() {
        PolicyBook.InForce inForce = book.inForce("152221100201", 2026).orElseThrow();

        assertThat(inForce.regionPrefix()).isEqualTo("15");
        assertThat(inForce.year()).isEqualTo(2024);
        assertThat(inForce.changedAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void aRegionAndYearNoPolicyCoversIsRefusedByName() {
        assertThatThrownBy(() -> book.require("150724213201", 2020))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("POLICY_MISSING");
        assertThat(book.isEmpty()).isFalse();
    }

    @Test
    void aLateDeliveryOfAnOlderChangeDoesNotOverwriteANewerOne() {
        book.record(change("150724", 2025, "9000.00"), "e3", Instant.parse("2025-03-01T00:00:00Z"));
        book.record(change("150724", 2025, "8800.00"), "e4", Instant.parse("2025-02-01T00:00:00Z"));

        assertThat(book.thresholds("150724213201", 2025)).get()
                .extracting(PolicyThresholds::monitoringLine).isEqualTo(new BigDecimal("9000.00"));
    }

    private static PolicyChanged change(String region, int year, String line) {
        return new PolicyChanged(region, year, PolicyThresholds.of(new BigDecimal(line), new BigDecimal("5000.00"),
                new BigDecimal("10000.00"), new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 15, 6), "年度调整");
    }
}
