package org.fangpin.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.fangpin.contracts.value.IdNumber;

class CountyPlanTest {

    private static final County EWENKI = County.load("150724");

    @Test
    void theCountyIsTheEwenkiBannerWithItsRealTownshipsAndVillagesIncludingTheDemoUsersRegions() {
        assertThat(EWENKI.name()).isEqualTo("鄂温克族自治旗");
        assertThat(EWENKI.villages()).hasSize(70);
        assertThat(EWENKI.townships()).containsEntry("150724213", "巴彦塔拉达斡尔民族乡").hasSize(11);
        assertThat(EWENKI.villages()).allSatisfy(village -> {
            assertThat(village.code()).matches("150724\\d{6}").startsWith(village.townshipCode());
            assertThat(village.townshipCode()).hasSize(9);
        });
        // deploy/local/keycloak-demo.sh's village officer and township reviewer
        assertThat(EWENKI.villages()).anySatisfy(village -> {
            assertThat(village.code()).isEqualTo("150724213201");
            assertThat(village.name()).isEqualTo("巴音诺尔嘎查");
        });
    }

    @Test
    void theSameSeedGivesTheSameCountyAndTheSameDepartmentFile() {
        CountyPlan first = CountyPlan.generate(EWENKI, 42, 20, 0.04, 0.01, 0.005);
        CountyPlan again = CountyPlan.generate(EWENKI, 42, 20, 0.04, 0.01, 0.005);
        CountyPlan other = CountyPlan.generate(EWENKI, 43, 20, 0.04, 0.01, 0.005);

        assertThat(again.households()).isEqualTo(first.households());
        assertThat(other.households()).isNotEqualTo(first.households());
        YearMonth month = YearMonth.of(2026, 11);
        assertThat(Arrays.equals(again.departmentFile(1_000, month), first.departmentFile(1_000, month))).isTrue();
    }

    @Test
    void householdsHaveValidDistinctIdNumbersRealisticSizesAndTheSharesAsked() {
        CountyPlan plan = CountyPlan.generate(EWENKI, 7, 100, 0.04, 0.01, 0.005);
        List<Household> households = plan.households();

        assertThat(households).hasSize(7_000);
        assertThat(households).allSatisfy(household -> assertThat(IdNumber.isValid(household.headIdNumber())).isTrue());
        assertThat(households.stream().map(Household::headIdNumber).distinct().count()).isEqualTo(7_000);
        double meanSize = households.stream().mapToInt(Household::memberCount).average().orElseThrow();
        assertThat(meanSize).isBetween(2.3, 2.9);
        Map<Household.Fate, Long> fates = households.stream()
                .collect(Collectors.groupingBy(Household::fate, Collectors.counting()));
        assertThat(fates.get(Household.Fate.STABLE) + fates.get(Household.Fate.AT_RISK)
                + fates.get(Household.Fate.ELIMINATED)).isEqualTo(280);
        assertThat(fates.get(Household.Fate.NEW_LEAD)).isEqualTo(70);
        // monitored households live around the line, the others mostly well above it
        assertThat(median(plan.withFate(Household.Fate.AT_RISK), Household::income))
                .isBetween(new BigDecimal("7300"), new BigDecimal("9300"));
        assertThat(median(plan.withFate(Household.Fate.REGISTERED), Household::income))
                .isBetween(new BigDecimal("14000"), new BigDecimal("18000"));
    }

    @Test
    void seedsWithDifferentLastDigitsNeverRegisterTheSamePerson() {
        var first = CountyPlan.generate(EWENKI, 1, 50, 0.04, 0.01, 0.005).households().stream()
                .map(Household::headIdNumber).collect(Collectors.toSet());
        assertThat(CountyPlan.generate(EWENKI, 2, 50, 0.04, 0.01, 0.005).households())
                .noneMatch(household -> first.contains(household.headIdNumber()));
    }

    @Test
    void theDepartmentFileHasTheRowsAskedAndNamesEveryDepartmentHitHead() {
        CountyPlan plan = CountyPlan.generate(EWENKI, 3, 20, 0.04, 0.01, 0.005);
        String file = new String(plan.departmentFile(5_000, YearMonth.of(2026, 11)), StandardCharsets.UTF_8);
        List<String> lines = file.lines().toList();

        assertThat(lines.get(0)).isEqualTo("身份证号,姓名,指标,数值,日期");
        assertThat(lines).hasSize(5_001);
        assertThat(plan.withFate(Household.Fate.DEPARTMENT_HIT)).isNotEmpty().allSatisfy(household ->
                assertThat(file).contains(household.headIdNumber() + "," + household.headName()
                        + ",MEDICAL_SELF_PAID,"));
    }

    private static BigDecimal median(List<Household> households, Function<Household, BigDecimal> value) {
        List<BigDecimal> sorted = households.stream().map(value).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
