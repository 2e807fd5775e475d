package cn.gov.ybj.crossprov.identity.internal;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with its default rules for header names, header
 * values and parameter names written as loops instead of regular expressions. The defaults are
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (names) and {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}
 * (values): every code point assigned and not a control character, a tab allowed in values. The
 * firewall checks a header each time it is read, and a bearer token (~1 KB) is read several times
 * per request: the regular expression took ~10 % of the JVM's time of a hospital upload (JFR,
 * SettlementUploadBenchmark). Same answers for every character ({@code FirewallChecksTest} compares
 * them with the patterns over all of Unicode); everything else of the firewall is its default.
 */
final class FirewallChecks {

    private FirewallChecks() {
    }

    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallChecks::name);
        firewall.setAllowedHeaderValues(FirewallChecks::value);
        firewall.setAllowedParameterNames(FirewallChecks::name);
        return firewall;
    }

    /** Assigned and not a control character. */
    static boolean name(String s) {
        return allowed(s, false);
    }

    /** Assigned and not a control character, or a tab. */
    static boolean value(String s) {
        return allowed(s, true);
    }

    private static boolean allowed(String s, boolean tab) {
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (c < 0x80) {
                // ASCII: all assigned; the controls are 0x00–0x1F and 0x7F
                if ((c < 0x20 && !(tab && c == '\t')) || c == 0x7F) {
                    return false;
                }
                i++;
                continue;
            }
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
