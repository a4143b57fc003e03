package org.fangpin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class BusinessDayTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 9, 10);
    private static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(TODAY.atTime(10, 0), ZoneId.of("Asia/Shanghai"))
            .toInstant(), ZoneId.of("Asia/Shanghai"));

    @Test
    void aDayNotGivenIsTodayAndADayToComeIsRefused() {
        assertThat(BusinessDay.happenedOn(null, CLOCK)).isEqualTo(TODAY);
        assertThat(BusinessDay.happenedOn(TODAY.minusDays(3), CLOCK)).isEqualTo(TODAY.minusDays(3));
        RuleViolation refused = catchThrowableOfType(RuleViolation.class,
                () -> BusinessDay.happenedOn(TODAY.plusDays(1), CLOCK));
        assertThat(refused.code()).isEqualTo("DATE_IN_FUTURE");
    }

    @Test
    void aStepDatedBeforeTheEarlierStepIsRefusedWithTheCallersCode() {
        BusinessDay day = BusinessDay.entered(TODAY.minusDays(5), CLOCK, 40, null);
        RuleViolation refused = catchThrowableOfType(RuleViolation.class,
                () -> day.requireNotBefore(TODAY.minusDays(4), "SOME_STEP_ORDER"));
        assertThat(refused.code()).isEqualTo("SOME_STEP_ORDER");
        assertThat(refused.args()).containsExactly(TODAY.minusDays(5), TODAY.minusDays(4));
        assertThatCode(() -> day.requireNotBefore(TODAY.minusDays(5), "SOME_STEP_ORDER")).doesNotThrowAnyException();
    }

    @Test
    void moreThanTheAllowanceBackNeedsANoteWhichIsKept() {
        BusinessDay atTheLimit = BusinessDay.entered(TODAY.minusDays(40), CLOCK, 40, " ");
        assertThatCode(() -> atTheLimit.requireNoteBeyondAllowance("X_NOTE_REQUIRED")).doesNotThrowAnyException();
        assertThat(atTheLimit.keptNote()).isNull();

        RuleViolation refused = catchThrowableOfType(RuleViolation.class,
                () -> BusinessDay.entered(TODAY.minusDays(41), CLOCK, 40, "  ")
                        .requireNoteBeyondAllowance("X_NOTE_REQUIRED"));
        assertThat(refused.code()).isEqualTo("X_NOTE_REQUIRED");
        assertThat(refused.args()).containsExactly(41L, 40);

        BusinessDay explained = BusinessDay.entered(TODAY.minusDays(41), CLOCK, 40, " 纸质审定记录补录 ");
        assertThatCode(() -> explained.requireNoteBeyondAllowance("X_NOTE_REQUIRED")).doesNotThrowAnyException();
        assertThat(explained.keptNote()).isEqualTo("纸质审定记录补录");
    }

    @Test
    void aPolicyWithoutAnAllowanceSetsNoLimitAndAStepOfTodayKeepsNoNote() {
        assertThatCode(() -> BusinessDay.entered(TODAY.minusYears(2), CLOCK, null, null)
                .requireNoteBeyondAllowance("X_NOTE_REQUIRED")).doesNotThrowAnyException();
        assertThat(BusinessDay.entered(TODAY, CLOCK, 40, "当天录入").keptNote()).isNull();
    }
}
