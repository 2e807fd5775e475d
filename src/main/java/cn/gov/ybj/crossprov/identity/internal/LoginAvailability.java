package cn.gov.ybj.crossprov.identity.internal;

import cn.gov.ybj.crossprov.identity.KeycloakProperties;
import cn.gov.ybj.crossprov.identity.Realm;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * A login started while Keycloak does not answer would send the browser to an address that does not load (a
 * browser error, not ours): instead the start page says so ({@code /?login-unavailable}, 「登录服务暂时不可用…」).
 * Who is signed in already keeps working (sessions and bearer tokens need no Keycloak; its keys are cached). The
 * answer is kept for a few seconds, so a crowd of logins asks Keycloak once.
 */
class LoginAvailability extends OncePerRequestFilter {

    static final String UNAVAILABLE = "/?login-unavailable";
    private static final Logger log = LoggerFactory.getLogger(LoginAvailability.class);
    private static final String PREFIX = "/oauth2/authorization/";
    private static final Duration KEEP = Duration.ofSeconds(5);

    private final KeycloakProperties keycloak;
    private final KeycloakProbe probe;
    private volatile boolean available = true;
    private volatile long checkedAt;

    LoginAvailability(KeycloakProperties keycloak) {
        this.keycloak = keycloak;
        this.probe = new KeycloakProbe(keycloak);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (available()) {
            chain.doFilter(request, response);
        } else {
            response.sendRedirect(request.getContextPath() + UNAVAILABLE);
        }
    }

    private boolean available() {
        long now = System.nanoTime();
        if (now - checkedAt > KEEP.toNanos()) {
            boolean answers = probe.answers(Realm.INSURED);
            if (answers != available) {
                if (answers) {
                    log.info("Keycloak answers again at {}: logins go through", keycloak.getInternalUrl());
                } else {
                    log.warn("Keycloak does not answer at {}: logins are refused with a message until it is back", keycloak.getInternalUrl());
                }
            }
            available = answers;
            checkedAt = now;
        }
        return available;
    }
}
