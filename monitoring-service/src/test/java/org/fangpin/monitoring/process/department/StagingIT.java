package org.fangpin.monitoring.process.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import org.fangpin.monitoring.command.Indicator;
import org.fangpin.monitoring.process.department.DepartmentRowParser.StagedRow;
import org.fangpin.testsupport.PostgresServer;

class StagingIT {

    private static PostgresServer.TestDatabase database;
    private static SimpleDriverDataSource dataSource;

    @BeforeAll
    static void database() {
        database = PostgresServer.get().createDatabase("staging");
        dataSource = new SimpleDriverDataSource(new Driver(), database.jdbcUrl());
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    record Staged(long lineNo, String idNumber, String householdId, String indicator, BigDecimal value,
                  LocalDate reportedOn) {
    }

    @Test
    void rowsArriveAsWrittenWithEveryKindOfAmountAndDateAcrossCommits() throws SQLException {
        String batch = "6f1d2c3b-0000-4000-8000-000000000001";
        try (Staging staging = new Staging(dataSource, batch)) {
            staging.add(row(2, "150724197803120216", null, 1_800_000L, LocalDate.of(2024, 8, 3)));
            staging.add(row(3, null, "hh-150724213201-007", 920_050L, LocalDate.of(1999, 12, 31)));
            staging.add(row(4, "15072419780312021X", null, 5L, LocalDate.of(2000, 1, 1)));
            staging.commit();
            staging.add(row(5, "150724197803120216", "hh-1", 99_999_999_999_999L, LocalDate.of(2024, 2, 29)));
            staging.add(row(6, "150724197803120216", null, 1_000_000L, LocalDate.of(2026, 12, 5)));
            staging.add(row(7, "150724197803120216", null, 10_000_000_000L, LocalDate.of(2024, 1, 1)));
            staging.add(row(8, "150724197803120216", null, 0L, LocalDate.of(2024, 1, 1)));
            staging.add(new StagedRow(9, "150724197803120216", null, Indicator.SCHOOL_DROP_OUT, null,
                    LocalDate.of(2024, 9, 1)));
            staging.commit();
        }

        List<Staged> staged = JdbcClient.create(dataSource)
                .sql("SELECT * FROM " + Staging.table(batch) + " ORDER BY line_no").query(Staged.class).list();

        assertThat(staged).containsExactly(
                staged(2, "150724197803120216", null, "MEDICAL_SELF_PAID", "18000.00", "2024-08-03"),
                staged(3, null, "hh-150724213201-007", "MEDICAL_SELF_PAID", "9200.50", "1999-12-31"),
                staged(4, "15072419780312021X", null, "MEDICAL_SELF_PAID", "0.05", "2000-01-01"),
                staged(5, "150724197803120216", "hh-1", "MEDICAL_SELF_PAID", "999999999999.99", "2024-02-29"),
                staged(6, "150724197803120216", null, "MEDICAL_SELF_PAID", "10000.00", "2026-12-05"),
                staged(7, "150724197803120216", null, "MEDICAL_SELF_PAID", "100000000.00", "2024-01-01"),
                staged(8, "150724197803120216", null, "MEDICAL_SELF_PAID", "0.00", "2024-01-01"),
                new Staged(9, "150724197803120216", null, "SCHOOL_DROP_OUT", null, LocalDate.of(2024, 9, 1)));
    }

    @Test
    void rowsNotCommittedAreNotStaged() throws SQLException {
        String batch = "6f1d2c3b-0000-4000-8000-000000000002";
        try (Staging staging = new Staging(dataSource, batch)) {
            staging.add(row(2, "150724197803120216", null, 1_800_000L, LocalDate.of(2024, 8, 3)));
            staging.commit();
            staging.add(row(3, "150724197803120216", null, 100L, LocalDate.of(2024, 8, 3)));
        }

        assertThat(JdbcClient.create(dataSource).sql("SELECT line_no FROM " + Staging.table(batch))
                .query(Long.class).list()).containsExactly(2L);
    }

    private static StagedRow row(long lineNo, String idNumber, String householdId, long fen, LocalDate day) {
        return new StagedRow(lineNo, idNumber, householdId, Indicator.MEDICAL_SELF_PAID, fen, day);
    }

    private static Staged staged(long lineNo, String idNumber, String householdId, String indicator, String value,
                                 String day) {
        return new Staged(lineNo, idNumber, householdId, indicator, new BigDecimal(value), LocalDate.parse(day));
    }
}
