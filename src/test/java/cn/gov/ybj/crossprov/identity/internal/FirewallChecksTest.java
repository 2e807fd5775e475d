package cn.gov.ybj.crossprov.identity.internal;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The loops of {@link FirewallChecks} answer as Spring Security's default patterns, for every code point. */
class FirewallChecksTest {

    // StrictHttpFirewall's defaults (spring-security-web 6.5)
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsByThePatterns() {
        int differences = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = new String(Character.toChars(cp));
            String in = "a" + s + "b";
            if (FirewallChecks.name(in) != NAMES.matcher(in).matches() || FirewallChecks.value(in) != VALUES.matcher(in).matches()) {
                differences++;
            }
        }
        assertThat(differences).isZero();
    }

    @Test
    void unpairedSurrogatesTabsAndTypicalHeaders() {
        for (String s : new String[]{"\uD800", "x\uDC00y", "\uD83D\uDE00", "a\tb", "\t", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig",
                "application/json; charset=UTF-8", "中文值", "\u0085", "\u007F", "\u0000", "", "a\u2028b"}) {
            assertThat(FirewallChecks.name(s)).as("name %s", s).isEqualTo(NAMES.matcher(s).matches());
            assertThat(FirewallChecks.value(s)).as("value %s", s).isEqualTo(VALUES.matcher(s).matches());
        }
        assertThat(FirewallChecks.value("a\tb")).isTrue();
        assertThat(FirewallChecks.name("a\tb")).isFalse();
    }
}
