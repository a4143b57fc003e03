package org.fangpin.assistance.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.fangpin.assistance.command.MonitoringFacts.MonthRecord;

class EliminationCriteriaTest {

    private static final BigDecimal LINE = new BigDecimal("8300.00");
    private static final LocalDate TODAY = LocalDate.of(2024, 12, 10);

    private static MonthRecord month(int year, int month, String income) {
        return new MonthRecord(YearMonth.of(year, month), new BigDecimal(income), List.of());
    }

    @Test
    void theRunCountsConsecutiveMonthsAboveTheLineBackFromTheLatest() {
        assertThat(EliminationCriteria.stableMonths(List.of(month(2024, 12, "9000.00"), month(2024, 11, "8900.00"),
                month(2024, 10, "8100.00"), month(2024, 9, "9500.00")), LINE, TODAY)).isEqualTo(2);
    }

    @Test
    void incomeExactlyOnTheLineIsNotAboveIt() {
        assertThat(EliminationCriteria.stableMonths(List.of(month(2024, 12, "8300.00")), LINE, TODAY)).isZero();
    }

    @Test
    void aMissingMonthBreaksTheRun() {
        assertThat(EliminationCriteria.stableMonths(List.of(month(2024, 12, "9000.00"), month(2024, 10, "9000.00")),
                LINE, TODAY)).isEqualTo(1);
    }

    @Test
    void recordsOlderThanLastMonthSayNothingAboutNow() {
        assertThat(EliminationCriteria.stableMonths(List.of(month(2024, 10, "9000.00"), month(2024, 9, "9000.00")),
                LINE, TODAY)).isZero();
    }
}
