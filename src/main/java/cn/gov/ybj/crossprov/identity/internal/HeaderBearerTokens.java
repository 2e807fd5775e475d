package cn.gov.ybj.crossprov.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's {@link DefaultBearerTokenResolver}, without its regular expression for the usual
 * request: a well-formed {@code Authorization: Bearer …} header on a request that cannot carry an
 * {@code access_token} parameter (not a GET, not a form). The pattern ran over the whole token on
 * every request: 3 % of a hospital upload's JVM time with a Keycloak token, 20 % with the local
 * issuer's longer one (JFR, docs/benchmarks.md). Every other request — no or another scheme, a
 * malformed header, a GET or a form that may also name a token — goes to the default resolver,
 * which answers and refuses as before.
 */
final class HeaderBearerTokens implements BearerTokenResolver {

    private static final String PREFIX = "Bearer ";
    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && wellFormed(header) && !HttpMethod.GET.matches(request.getMethod()) && !isForm(request)) {
            return header.substring(PREFIX.length());
        }
        return standard.resolve(request);
    }

    /** what the default resolver's {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$} (case-insensitive) accepts */
    static boolean wellFormed(String header) {
        int n = header.length();
        int i = PREFIX.length();
        if (n <= i || !header.regionMatches(true, 0, PREFIX, 0, i)) {
            return false;
        }
        int start = i;
        while (i < n && tokenChar(header.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < n && header.charAt(i) == '=') {
            i++;
        }
        return i == n;
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
                MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
    }
}
