package cn.gov.ybj.crossprov.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"110105195803120029", "11010819850607441X", "350203196209151238", "11010819850607441x"})
    void acceptsNumbersWithCorrectCheckCharacter(String raw) {
        assertThat(IdNumber.of(raw).value()).isEqualTo(raw.toUpperCase());
    }

    @Test
    void computesTheIso7064CheckCharacter() {
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.checkCharacter("35020319620915123")).isEqualTo('8');
    }

    @Test
    void refusesWrongCheckDigitWithBilingualMessage() {
        assertThatThrownBy(() -> IdNumber.of("110105195803120028"))
                .isInstanceOf(InvalidIdNumberException.class)
                .hasMessageContaining("校验位").hasMessageContaining("check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "11010519580312002", "1101051958031200299", "11010519581332002X", "010105195803120029"})
    void refusesMalformedNumbers(String raw) {
        assertThat(IdNumber.isValid(raw)).isFalse();
    }

    @Test
    void refusesImpossibleBirthDate() {
        // 1958-02-30 does not exist; the check digit is right for these 17 characters
        String first17 = "11010519580230002";
        String raw = first17 + IdNumber.checkCharacter(first17);
        assertThatThrownBy(() -> IdNumber.of(raw)).hasMessageContaining("出生日期");
    }

    @Test
    void masksKeepingFirstThreeAndLastFour() {
        IdNumber id = IdNumber.of("350203196209151238");
        assertThat(id.masked()).isEqualTo("350*****1238");
        assertThat(id.toString()).isEqualTo("350*****1238").doesNotContain("19620915");
        assertThat(id.birthDate()).hasYear(1962).hasMonthValue(9).hasDayOfMonth(15);
    }

    @Test
    void sexComesFromThe17thCharacterAndAgeInFullYears() {
        // 17th character 2: even, a woman (张伟 of the demo registry, F)
        IdNumber zhang = IdNumber.of("110105195803120029");
        assertThat(zhang.sex()).isEqualTo(IdNumber.Sex.FEMALE);
        assertThat(zhang.sex().label()).isEqualTo("女");
        // 17th character 1: odd, a man (杨思远, M)
        IdNumber yang = IdNumber.of("350213200303174817");
        assertThat(yang.sex()).isEqualTo(IdNumber.Sex.MALE);
        assertThat(yang.sex().label()).isEqualTo("男");
        // born 2003-03-17: 22 the day before the birthday, 23 on it
        assertThat(yang.ageOn(java.time.LocalDate.of(2026, 3, 16))).isEqualTo(22);
        assertThat(yang.ageOn(java.time.LocalDate.of(2026, 3, 17))).isEqualTo(23);
        assertThat(yang.ageOn(java.time.LocalDate.of(2003, 3, 17))).isZero();
        assertThat(yang.ageOn(java.time.LocalDate.of(2000, 1, 1))).isZero();
        // born on 29 February: a full year more on 1 March of a common year
        String first17 = "11010519800229001";
        IdNumber leap = IdNumber.of(first17 + IdNumber.checkCharacter(first17));
        assertThat(leap.ageOn(java.time.LocalDate.of(2021, 2, 28))).isEqualTo(40);
        assertThat(leap.ageOn(java.time.LocalDate.of(2021, 3, 1))).isEqualTo(41);
    }

    @Test
    void canonicalFormRemovesSpacesTurnsFullWidthIntoAsciiAndUpperCasesX() {
        assertThat(IdNumber.canonical(" 11010819850607441x ")).isEqualTo("11010819850607441X");
        assertThat(IdNumber.canonical("110108 19850607 441X")).isEqualTo("11010819850607441X");
        assertThat(IdNumber.canonical("１１０１０８１９８５０６０７４４１ｘ")).isEqualTo("11010819850607441X");
        assertThat(IdNumber.canonical("\u3000350203196209151238\t")).isEqualTo("350203196209151238");
        assertThat(IdNumber.canonical(null)).isNull();
        assertThat(IdNumber.of("１１０１０８１９８５０６０７４４１ｘ").value()).isEqualTo("11010819850607441X");
        assertThat(IdNumber.require(" 350203196209151238 ")).isEqualTo("350203196209151238");
        assertThatThrownBy(() -> IdNumber.require("350203196209151239")).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.messageEn()).contains("check digit"));
    }
}
