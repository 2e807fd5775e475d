package cn.gov.ybj.crossprov.identity.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.KeycloakProperties;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URI;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Four filter chains, most specific first: Camunda's REST API and the application's
 * {@code /api} take bearer tokens of any of the three realms; Cockpit and Vaadin share the
 * browser session created by OIDC login through the realm the person chose.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(KeycloakProperties.class)
class SecurityConfig {

    static final String API_AUDIENCE = "crossprov-api";

    /** the default resolver's answers without its pattern on every upload (HeaderBearerTokens) */
    private static final HeaderBearerTokens BEARER_TOKENS = new HeaderBearerTokens();
    private final KeycloakProperties keycloak;

    SecurityConfig(KeycloakProperties keycloak) {
        this.keycloak = keycloak;
    }

    /**
     * None of Spring Security's own observations (filter chains, authentication, authorization: several a
     * request): with them off by a predicate only, their wrappers around every filter and authorization
     * still took ~2 % of a hospital upload's JVM time (JFR, docs/benchmarks.md). http.server.requests
     * still times every request.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http, AuthenticationManagerResolver<jakarta.servlet.http.HttpServletRequest> bearer) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Roles.PROCESS_ADMIN))
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(bearer).bearerTokenResolver(BEARER_TOKENS))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManagerResolver<jakarta.servlet.http.HttpServletRequest> bearer) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/api/public/**")).permitAll()
                        // the task inbox is the clerks' alone (insured, officers, hospitals: 403)
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/api/inbox/**")).hasRole(Roles.CLERK)
                        // so is the clerks' filing search (备案查询)
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/api/clerk/**")).hasRole(Roles.CLERK)
                        // the hospital upload is the hospital systems' alone (insured, clerks, officers: 403)
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/api/hospital/**")).hasRole(Roles.HOSPITAL)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(bearer).bearerTokenResolver(BEARER_TOKENS)
                        .authenticationEntryPoint(SecurityConfig::unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfig::unauthenticated)
                        .accessDeniedHandler(SecurityConfig::denied))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    /** Cockpit, Tasklist and Admin: process admins of the clerks realm, single sign-on with the app. */
    @Bean
    @Order(3)
    SecurityFilterChain camundaWebappChain(HttpSecurity http, KeycloakSessionLogout keycloakLogout) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Roles.PROCESS_ADMIN))
                // Cockpit's own "Log out" ends the application session and the Keycloak session, or the
                // next visit would sign straight back in; the webapp only wants a 200
                .logout(l -> l.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout"))
                        .addLogoutHandler(keycloakLogout)
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
                .exceptionHandling(e -> e.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + Realm.CLERKS.id())))
                // the Camunda webapps run their own CSRF protection (X-XSRF-TOKEN)
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain actuatorChain(HttpSecurity http, AuthenticationManagerResolver<jakarta.servlet.http.HttpServletRequest> bearer) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/actuator/health/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/actuator/health"),
                                PathPatternRequestMatcher.withDefaults().matcher("/actuator/prometheus"),
                                PathPatternRequestMatcher.withDefaults().matcher("/actuator/info")).permitAll()
                        .anyRequest().denyAll())
                // anonymous callers get the status only; a process admin's token shows the components
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(bearer).bearerTokenResolver(BEARER_TOKENS))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    /** Everything else is Vaadin; the start page "/" offers one login entry per realm. */
    @Bean
    @Order(5)
    SecurityFilterChain vaadinChain(HttpSecurity http, OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers,
                                    ClientRegistrationRepository registrations) throws Exception {
        // PKCE on top of the client secret (the realms' clients require S256)
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        // Keycloak down: the start page says so instead of a redirect to an address that does not load
        http.addFilterBefore(new LoginAvailability(keycloak), OAuth2AuthorizationRequestRedirectFilter.class);
        http.oauth2Login(o -> o
                .loginPage("/")
                .failureUrl("/?login-error")
                .authorizationEndpoint(a -> a.authorizationRequestResolver(pkce))
                .userInfoEndpoint(u -> u.oidcUserService(oidcUsers)));
        // nothing is saved for after the login: a page opened after logout (Back, a bookmark) must
        // not become the target of the next login, which may be another person's in another realm
        http.requestCache(c -> c.requestCache(new NullRequestCache()));
        http.setSharedObject(VaadinSavedRequestAwareAuthenticationSuccessHandler.class, new RealmHomeLoginSuccess());
        http.with(VaadinSecurityConfigurer.vaadin(), v -> v
                .oauth2LoginPage("/", "{baseUrl}/")
                .enableRequestCacheConfiguration(false));
        return http.build();
    }

    /** 401 with the bearer challenge header as before, and the API's bilingual body (documented as ApiError). */
    static void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        BEARER_CHALLENGE.commence(request, response, e);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"messageZh\":\"未登录或令牌无效、已过期\","
                + "\"messageEn\":\"Not signed in, or the bearer token is invalid or expired\"}");
    }

    private static final BearerTokenAuthenticationEntryPoint BEARER_CHALLENGE = new BearerTokenAuthenticationEntryPoint();

    /** 403 of the API in the shape of its other refusals: {@code {"messageZh": .., "messageEn": ..}}. */
    static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"messageZh\":\"无权访问：您的账号不能使用此功能\","
                + "\"messageEn\":\"Access denied: your account may not use this function\"}");
    }

    /**
     * Every login lands on {@code /home}, which routes by realm. The one request kept is a
     * Cockpit page (saved by the Camunda chain) for a process admin of the clerks realm.
     */
    static final class RealmHomeLoginSuccess extends VaadinSavedRequestAwareAuthenticationSuccessHandler {

        private final RequestCache cockpitRequests = new HttpSessionRequestCache();

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
                throws IOException {
            SavedRequest saved = cockpitRequests.getRequest(request, response);
            cockpitRequests.removeRequest(request, response);
            HttpSession session = request.getSession(false);
            if (session != null) {
                // where Vaadin's navigation access control keeps a refused route
                session.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
                session.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE);
            }
            clearAuthenticationAttributes(request);
            boolean processAdmin = auth.getAuthorities().stream()
                    .anyMatch(a -> ("ROLE_" + Roles.PROCESS_ADMIN).equals(a.getAuthority()));
            String target = saved != null && processAdmin && URI.create(saved.getRedirectUrl()).getPath().startsWith("/camunda/")
                    ? saved.getRedirectUrl() : "/home";
            getRedirectStrategy().sendRedirect(request, response, target);
        }
    }

    /** Spring Security's strict firewall, its header checks without regular expressions (FirewallChecks). */
    @Bean
    org.springframework.security.web.firewall.HttpFirewall httpFirewall() {
        return FirewallChecks.firewall();
    }

    @Bean
    ClientRegistrationRepository clientRegistrations() {
        return new InMemoryClientRegistrationRepository(Arrays.stream(Realm.values()).map(this::registration).toList());
    }

    private ClientRegistration registration(Realm realm) {
        String publicBase = keycloak.issuer(realm) + "/protocol/openid-connect";
        String internalBase = keycloak.internalRealmUrl(realm) + "/protocol/openid-connect";
        return ClientRegistration.withRegistrationId(realm.id())
                .clientId(keycloak.getClientId())
                .clientSecret(keycloak.clientSecret(realm))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.issuer(realm))
                .authorizationUri(publicBase + "/auth")
                .tokenUri(internalBase + "/token")
                .jwkSetUri(internalBase + "/certs")
                .userInfoUri(internalBase + "/userinfo")
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", publicBase + "/logout"))
                .clientName(realm.id())
                .build();
    }

    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Realm realm = Realm.byId(request.getClientRegistration().getRegistrationId()).orElseThrow();
            AppUser appUser = TokenUsers.toUser(realm, user.getClaims());
            return new DefaultOidcUser(TokenUsers.authorities(appUser), user.getIdToken(), user.getUserInfo(), "preferred_username");
        };
    }

    /**
     * Bearer tokens from any of the three realms; any other issuer (another realm, another
     * server) is refused with 401. Keys are fetched lazily, so the app starts without Keycloak.
     */
    @Bean
    AuthenticationManagerResolver<jakarta.servlet.http.HttpServletRequest> bearerTokenResolver(
            @Value("${app.security.jwt-clock-skew:60s}") Duration clockSkew) {
        Map<String, AuthenticationManager> managers = new HashMap<>();
        // validated tokens are kept until they expire: see ValidatedJwtCache
        ValidatedJwtCache validated = new ValidatedJwtCache(clockSkew);
        for (Realm realm : Realm.values()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                    keycloak.internalRealmUrl(realm) + "/protocol/openid-connect/certs").build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(clockSkew),
                    new JwtIssuerValidator(keycloak.issuer(realm)),
                    jwt -> jwt.getAudience() != null && jwt.getAudience().contains(API_AUDIENCE)
                            ? OAuth2TokenValidatorResult.success()
                            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "token not issued for this API", null))));
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(validated.decoder(decoder));
            provider.setJwtAuthenticationConverter(jwt -> {
                AppUser user = TokenUsers.toUser(realm, jwt.getClaims());
                return new JwtAuthenticationToken(jwt, TokenUsers.authorities(user), user.username());
            });
            managers.put(keycloak.issuer(realm), provider::authenticate);
        }
        JwtIssuerAuthenticationManagerResolver byIssuer = new JwtIssuerAuthenticationManagerResolver(managers::get);
        // a token validated before goes straight to its realm's manager (its decoder answers from the
        // cache): the resolver would decode the whole token once more only to read its issuer
        return request -> {
            AuthenticationManager parsing = byIssuer.resolve(request);
            return authentication -> {
                if (authentication instanceof BearerTokenAuthenticationToken bearer) {
                    org.springframework.security.oauth2.jwt.Jwt known = validated.valid(bearer.getToken());
                    AuthenticationManager manager = known == null || known.getIssuer() == null ? null
                            : managers.get(known.getIssuer().toString());
                    if (manager != null) {
                        return manager.authenticate(authentication);
                    }
                }
                return parsing.authenticate(authentication);
            };
        };
    }
}
