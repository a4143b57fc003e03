package org.fangpin.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.fangpin.contracts.identification.MemberAdded;
import org.fangpin.contracts.identification.MemberRemoved;
import org.fangpin.contracts.value.Health;
import org.fangpin.contracts.value.LabourCapacity;
import org.fangpin.contracts.value.Relation;

class PersonalDataFieldsTest {

    @Test
    void aMemberWithoutPersonalDataKeepsWhatConsumersOfAHouseholdNeed() {
        MemberAdded added = new MemberAdded("h-1", "150724213201", "m-1", "敖其尔", "150724201005010021",
                Relation.CHILD, LocalDate.of(2010, 5, 1), LabourCapacity.NONE, Health.CHRONIC_ILLNESS, "BIRTH",
                LocalDate.of(2010, 5, 1), "小学在读", null);

        MemberAdded withheld = PersonalDataFields.withheld(added);

        assertThat(withheld).isEqualTo(new MemberAdded("h-1", "150724213201", "m-1", null, null, Relation.CHILD, null,
                LabourCapacity.NONE, null, "BIRTH", LocalDate.of(2010, 5, 1), null, null));
    }

    @Test
    void anEventWithoutPersonalDataIsPublishedAsItIs() {
        MemberRemoved removed = new MemberRemoved("h-1", "150724213201", "m-1", "DEATH", LocalDate.of(2024, 3, 1));

        assertThat(PersonalDataFields.withheld(removed)).isSameAs(removed);
    }

    @Test
    void onlyComponentsThatCanBeLeftEmptyAreMarked() {
        assertThat(EventCatalog.entries()).flatExtracting(entry -> Arrays.asList(
                        entry.eventClass().getRecordComponents()))
                .filteredOn(component -> component.isAnnotationPresent(PersonalData.class))
                .isNotEmpty()
                .allSatisfy(component -> assertThat(component.getType().isPrimitive()).isFalse());
    }
}
