package cn.gov.ybj.crossprov.identity.internal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HeaderBearerTokens} answers every request as Spring Security's default resolver does. */
class HeaderBearerTokensTest {

    // DefaultBearerTokenResolver's pattern (spring-security-oauth2-resource-server 6.5)
    private static final Pattern DEFAULT = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl-_~+/";

    @Test
    void everyRequestGetsTheDefaultResolversAnswer() {
        List<String> headers = new ArrayList<>(List.of("Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT + "==",
                "Bearer " + JWT + "=x", "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer " + JWT + "\n", "Bearer ",
                "Bearer", "Bearer =", "Basic dXNlcjpwYXNz", "Bearer 令牌", "Bearer a,b", "Bearer\t" + JWT, "ſearer " + JWT, ""));
        headers.add(null);
        int compared = 0;
        for (String header : headers) {
            for (String method : new String[]{"GET", "POST", "PUT"}) {
                for (String type : new String[]{null, "application/json", "application/x-www-form-urlencoded",
                        "application/x-www-form-urlencoded; charset=UTF-8"}) {
                    for (boolean parameter : new boolean[]{false, true}) {
                        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/hospital/settlements");
                        if (header != null) {
                            request.addHeader("Authorization", header);
                        }
                        if (type != null) {
                            request.setContentType(type);
                        }
                        if (parameter) {
                            request.addParameter("access_token", JWT);
                        }
                        assertThat(answer(new HeaderBearerTokens(), request))
                                .as("%s %s %s %s", method, header, type, parameter)
                                .isEqualTo(answer(new DefaultBearerTokenResolver(), request));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(17 * 3 * 4 * 2);
    }

    @Test
    void theLoopAcceptsWhatThePatternAccepts() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            for (String header : new String[]{"Bearer a" + (char) c, "Bearer " + (char) c, (char) c + "earer abc",
                    "Bearer a=" + (char) c}) {
                assertThat(HeaderBearerTokens.wellFormed(header)).as("U+%04X in %s", c, header)
                        .isEqualTo(DEFAULT.matcher(header).matches());
            }
        }
    }

    private static String answer(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getDescription();
        }
    }
}
