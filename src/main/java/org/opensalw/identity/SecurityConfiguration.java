package org.opensalw.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two doors: the JSON API under /api (bearer token, or Basic to obtain one; no session, so no CSRF) and the
 * web UI (form login, a session kept in the database, CSRF on every form). What each role may do is said on
 * the entry-point services with {@code @PreAuthorize}, so the UI and the API obey the same rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(JdbcClient jdbc, LoginThrottle throttle) {
        return username -> user(jdbc, username, throttle);
    }

    private static org.springframework.security.core.userdetails.UserDetails user(JdbcClient jdbc, String username, LoginThrottle throttle) {
        return jdbc.sql("SELECT username, password_hash, roles, enabled FROM app_user WHERE username = :u")
                .param("u", username)
                .query((rs, i) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .authorities(UserAccounts.parseRoles(rs.getString("roles")).stream().map(Role::authority).toArray(String[]::new))
                        .disabled(!rs.getBoolean("enabled"))
                        .accountLocked(throttle.locked(username))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /**
     * What pages may load: scripts only from this application (the templates have no inline script or event handler, so
     * text that slips into a page cannot run), styles from here and inline (htmx adds its indicator style, templates set
     * a few widths), images from here and data URLs (the API explorer's icons), no plugins, no framing, forms posted only
     * here. Responses that set their own policy (peer photos: sandbox) keep it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The web doors exist only when there is a web server (not for command-line runs such as verify-ledger). */
    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
    static class WebDoors {

        @Bean
        @Order(1)
        SecurityFilterChain apiChain(HttpSecurity http, JdbcClient jdbc, java.time.Clock clock) throws Exception {
            http.securityMatcher("/api/**")
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(c -> c.disable())
                    .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                    .addFilterBefore(new TokenAuthenticationFilter(jdbc, clock), BasicAuthenticationFilter.class)
                    .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain webChain(HttpSecurity http, UserLocaleResolver locales, JdbcClient jdbc) throws Exception {
            SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
                @Override
                public void onAuthenticationSuccess(jakarta.servlet.http.HttpServletRequest request,
                        jakarta.servlet.http.HttpServletResponse response,
                        org.springframework.security.core.Authentication authentication)
                        throws java.io.IOException, jakarta.servlet.ServletException {
                    jdbc.sql("SELECT locale FROM app_user WHERE username = :u").param("u", authentication.getName())
                            .query(String.class).optional()
                            .ifPresent(l -> locales.setLocale(request, response, java.util.Locale.forLanguageTag(l)));
                    super.onAuthenticationSuccess(request, response, authentication);
                }
            };
            success.setDefaultTargetUrl("/");
            http.authorizeHttpRequests(a -> a
                            .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                    "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                    "/swagger-ui.html", "/swagger-ui/**").permitAll()
                            .anyRequest().authenticated())
                    .headers(h -> h
                            .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                    .formLogin(f -> f.loginPage("/login").successHandler(success).failureUrl("/login?error"))
                    .logout(l -> l.logoutSuccessUrl("/login?logout"));
            return http.build();
        }
    }
}
