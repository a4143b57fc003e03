package org.fangpin.contracts.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumberTest {

    private static final String BODY = "15072419800101001";
    private static final String VALID = BODY + IdNumber.checkCharacter(BODY);

    @Test
    void aNumberWithTheRightCheckCharacterIsValid() {
        assertThat(IdNumber.isValid(VALID)).isTrue();
        assertThat(IdNumber.isValid("11010519491231002X")).isTrue();
    }

    @Test
    void aWrongCheckCharacterAWrongLengthOrAnImpossibleBirthDateIsInvalid() {
        char wrong = VALID.charAt(17) == '0' ? '1' : '0';
        assertThat(IdNumber.isValid(BODY + wrong)).isFalse();
        assertThat(IdNumber.isValid(BODY)).isFalse();
        String feb30 = "15072419800230001";
        assertThat(IdNumber.isValid(feb30 + IdNumber.checkCharacter(feb30))).isFalse();
        assertThat(IdNumber.isValid(null)).isFalse();
    }

    @Test
    void maskingKeepsOnlyTheAddressCodeAndTheCheckCharacterSoTheBirthDateCannotBeRecovered() {
        assertThat(IdNumber.mask("11010519491231002X")).isEqualTo("110105***********X");
    }
}
