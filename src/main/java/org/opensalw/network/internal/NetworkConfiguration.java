package org.opensalw.network.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The network's own door: {@code /network/**} (the inbox peers post to, and this node's public keys) is
 * authenticated by the messages' signatures, not by a user, so it has no login, session or CSRF; it is matched
 * before the API and web chains of identity.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NetworkProperties.class)
class NetworkConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class PeerDoor {
        @Bean
        @Order(0)
        SecurityFilterChain networkChain(HttpSecurity http) throws Exception {
            http.securityMatcher("/network/**")
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(c -> c.disable())
                    .requestCache(r -> r.disable())
                    .securityContext(c -> c.disable());
            return http.build();
        }
    }
}
