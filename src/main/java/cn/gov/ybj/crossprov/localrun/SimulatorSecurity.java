package cn.gov.ybj.crossprov.localrun;

import cn.gov.ybj.crossprov.identity.Roles;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * One security chain for every simulator under {@code /sim/**} (national registry, SMS gateway,
 * ...): reading what a simulator received and changing its behaviour take a logged-in process
 * admin (browser session of the clerks realm or bearer token). The only exceptions are the
 * {@link MachineEndpoint}s the application's own clients call: they authenticate with the shared
 * secret the real system would also require (sent in a header), never with a login.
 */
@Configuration
class SimulatorSecurity {

    /**
     * An endpoint of a simulator called by the application's client of the real system. A blank
     * secret accepts nobody.
     */
    record MachineEndpoint(HttpMethod method, String path, String header, String secret) {

        boolean accepts(HttpServletRequest request) {
            String given = request.getHeader(header);
            return secret != null && !secret.isBlank() && given != null
                    && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Bean
    @Order(0)
    SecurityFilterChain simulatorChain(HttpSecurity http, ObjectProvider<MachineEndpoint> machineEndpoints,
                                       AuthenticationManagerResolver<HttpServletRequest> bearer) throws Exception {
        List<MachineEndpoint> machines = machineEndpoints.orderedStream().toList();
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/sim/**"))
                .authorizeHttpRequests(a -> {
                    for (MachineEndpoint machine : machines) {
                        a.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(machine.method(), machine.path()))
                                .access((auth, context) -> new AuthorizationDecision(machine.accepts(context.getRequest())));
                    }
                    a.anyRequest().hasRole(Roles.PROCESS_ADMIN);
                })
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(bearer))
                // machines cannot send CSRF tokens; a cross-site page cannot send PUT without CORS consent
                .csrf(c -> c.disable())
                .build();
    }
}
