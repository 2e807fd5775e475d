package cn.gov.ybj.crossprov.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A Content-Security-Policy on every response that has none. JSON endpoints load nothing and are
 * never framed. Vaadin Flow needs inline scripts and styles and {@code eval} (it runs the
 * server's {@code executeJs} through {@code new Function}); the login and logout redirects go to
 * Keycloak, so forms may post there. Camunda's webapps set their own policy (with nonces).
 */
class ContentSecurityPolicyFilter extends OncePerRequestFilter {

    static final String HEADER = "Content-Security-Policy";
    static final String API = "default-src 'none'; frame-ancestors 'none'";

    private final String ui;

    ContentSecurityPolicyFilter(String keycloakOrigin) {
        String keycloak = keycloakOrigin == null || keycloakOrigin.isBlank() ? "" : " " + keycloakOrigin;
        this.ui = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
                + "object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'" + keycloak;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/camunda/") && !response.containsHeader(HEADER)) {
            boolean api = path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/actuator/");
            response.setHeader(HEADER, api ? API : ui);
        }
        chain.doFilter(request, response);
    }
}
