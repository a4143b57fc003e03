package org.fangpin.identification.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.Guarantee;
import org.fangpin.contracts.value.RigidExpenditure;
import org.fangpin.identification.command.Criteria.Criterion;

class DueDatesAndCriteriaTest {

    private static final PolicyThresholds POLICY = PolicyThresholds.of(new BigDecimal("8300.00"),
            new BigDecimal("5000.00"), new BigDecimal("10000.00"), new BigDecimal("8000.00"), 5, 15, 5, 25, 6, 6, 15, 6);

    @Test
    void theVerificationIsDueFiveWorkingDaysLaterSkippingTheWeekend() {
        DueDates due = DueDates.of(LocalDate.of(2024, 6, 6), POLICY);

        assertThat(due.verificationDueOn()).isEqualTo(LocalDate.of(2024, 6, 13));
        assertThat(due.decisionDueOn()).isEqualTo(LocalDate.of(2024, 6, 21));
    }

    @Test
    void aLeadOnSaturdayCountsFromMonday() {
        assertThat(DueDates.of(LocalDate.of(2024, 6, 8), POLICY).verificationDueOn())
                .isEqualTo(LocalDate.of(2024, 6, 14));
    }

    @Test
    void theEvidenceSaysWhichCriteriaItMeetsAndWhy() {
        List<Criterion> criteria = Criteria.judge(new BigDecimal("9100.00"),
                Map.of(RigidExpenditure.MEDICAL, new BigDecimal("12500.00"),
                        RigidExpenditure.EDUCATION, new BigDecimal("3000.00")),
                List.of(Guarantee.BASIC_MEDICAL), POLICY);

        assertThat(criteria).extracting(Criterion::code, Criterion::met).containsExactly(
                tuple("INCOME_BELOW_MONITORING_LINE", false),
                tuple("MEDICAL_EXPENDITURE_ABOVE_WARNING_LINE", true),
                tuple("EDUCATION_EXPENDITURE_ABOVE_WARNING_LINE", false),
                tuple("GUARANTEE_GAP", true));
        assertThat(criteria.get(0).explanation()).isEqualTo("家庭人均纯收入 9100.00 元不低于监测收入标准 8300.00 元");
        assertThat(criteria.get(1).explanation()).isEqualTo("因病自付医疗费用 12500.00 元超过预警线 5000.00 元");
        assertThat(criteria.get(3).explanation()).isEqualTo("“两不愁三保障”及饮水安全存在缺项：基本医疗");
    }
}
