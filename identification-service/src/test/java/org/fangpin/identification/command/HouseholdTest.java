package org.fangpin.identification.command;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.value.HouseholdCategory;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.LeadChannel;
import org.fangpin.contracts.value.ObjectType;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.identification.command.Commands.IdentifyAtCountyCommand;
import org.fangpin.identification.command.Commands.RecordVerificationCommand;
import org.fangpin.identification.command.Commands.RegisterHouseholdCommand;
import org.fangpin.identification.command.Commands.ReportLeadCommand;
import org.fangpin.platform.web.RuleViolation;

class HouseholdTest {

    private static final String HOUSEHOLD = "hh-1";
    private static final String VILLAGE = "150724213201";
    private static final String LEAD = "lead-1";
    private static final LocalDate JUNE_3 = LocalDate.of(2024, 6, 3);
    private static final BigDecimal INCOME = new BigDecimal("7200.00");
    private static final BigDecimal LINE = new BigDecimal("8300.00");

    private FixtureConfiguration<Household> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Household.class);
    }

    @Test
    void registeringAHouseholdRecordsItsHead() {
        fixture.givenNoPriorActivity()
                .when(new RegisterHouseholdCommand(HOUSEHOLD, VILLAGE, 3, "敖日格乐", "150724197803120210",
                        HouseholdCategory.POVERTY_ALLEVIATED, 4))
                .expectEvents(registered());
    }

    @Test
    void aLeadOpensAnIdentificationCase() {
        fixture.given(registered())
                .when(new ReportLeadCommand(HOUSEHOLD, LEAD, LeadChannel.CADRE_VISIT, "户主患大病", JUNE_3))
                .expectEvents(leadReported());
    }

    @Test
    void aSecondLeadWhileACaseIsOpenIsRefused() {
        fixture.given(registered(), leadReported())
                .when(new ReportLeadCommand(HOUSEHOLD, "lead-2", LeadChannel.SELF_REPORT, "自主申报", JUNE_3))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("IDENT_CASE_ALREADY_OPEN"))
                .expectNoEvents();
    }

    @Test
    void theHomeVerificationIsRecordedWithBothSignatures() {
        fixture.given(registered(), leadReported())
                .when(verification(true))
                .expectEvents(verified());
    }

    @Test
    void aVerificationTheHouseholdDidNotConfirmIsRefused() {
        fixture.given(registered(), leadReported())
                .when(verification(false))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("IDENT_VERIFICATION_UNCONFIRMED"))
                .expectNoEvents();
    }

    @Test
    void aVerificationOfAnotherLeadIsRefused() {
        fixture.given(registered(), leadReported())
                .when(new RecordVerificationCommand(HOUSEHOLD, "lead-9", INCOME, LabourCapacity.PARTIAL, "包银花",
                        true, JUNE_3))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("IDENT_LEAD_NOT_OPEN"))
                .expectNoEvents();
    }

    @Test
    void theCountyCannotDecideBeforeTheHomeVerification() {
        fixture.given(registered(), leadReported())
                .when(identify())
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("IDENT_STEP_ORDER"))
                .expectNoEvents();
    }

    @Test
    void theCountyIdentifiesAVerifiedHouseholdWithTheVerifiedFactsAndThePolicyLine() {
        fixture.given(registered(), leadReported(), verified())
                .when(identify())
                .expectEvents(new HouseholdIdentified(HOUSEHOLD, VILLAGE, LEAD, ObjectType.MARGINAL_VULNERABLE,
                        List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, INCOME, LINE, JUNE_3.plusDays(5)));
    }

    @Test
    void anIdentifiedCaseCannotBeDecidedTwice() {
        fixture.given(registered(), leadReported(), verified(),
                        new HouseholdIdentified(HOUSEHOLD, VILLAGE, LEAD, ObjectType.MARGINAL_VULNERABLE,
                                List.of(RiskType.ILLNESS), LabourCapacity.PARTIAL, INCOME, LINE, JUNE_3))
                .when(identify())
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("IDENT_LEAD_NOT_OPEN"))
                .expectNoEvents();
    }

    private static HouseholdRegistered registered() {
        return new HouseholdRegistered(HOUSEHOLD, VILLAGE, 3, "敖日格乐", "150724197803120210",
                HouseholdCategory.POVERTY_ALLEVIATED, 4);
    }

    private static LeadReported leadReported() {
        return new LeadReported(HOUSEHOLD, VILLAGE, LEAD, LeadChannel.CADRE_VISIT, "户主患大病", JUNE_3);
    }

    private static RecordVerificationCommand verification(boolean confirmed) {
        return new RecordVerificationCommand(HOUSEHOLD, LEAD, INCOME, LabourCapacity.PARTIAL, "包银花", confirmed,
                JUNE_3.plusDays(2));
    }

    private static HouseholdVerified verified() {
        return new HouseholdVerified(HOUSEHOLD, VILLAGE, LEAD, INCOME, LabourCapacity.PARTIAL, "包银花", true,
                JUNE_3.plusDays(2));
    }

    private static IdentifyAtCountyCommand identify() {
        return new IdentifyAtCountyCommand(HOUSEHOLD, LEAD, ObjectType.MARGINAL_VULNERABLE, List.of(RiskType.ILLNESS),
                LINE, JUNE_3.plusDays(5));
    }
}
