package io.bridgekeeper.security;

import io.bridgekeeper.base.web.SecurityHeaders;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator's metrics ({@code /actuator/prometheus}, {@code /actuator/metrics}, {@code /actuator/info})
 * answer only the scraper: HTTP basic with a user and password of their own
 * ({@code METRICS_USER}/{@code METRICS_PASSWORD}), never a portal session or an account's password.
 * Without a configured password nobody can read them. The health probes stay open to the load balancer.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

    static final String SCRAPER = "SCRAPER";

    @Bean
    @Order(3)
    SecurityFilterChain metrics(HttpSecurity http, PasswordEncoder encoder,
                                @Value("${bridgekeeper.metrics.user:prometheus}") String user,
                                @Value("${bridgekeeper.metrics.password:}") String password) throws Exception {
        List<UserDetails> scrapers = new ArrayList<>();
        if (!password.isBlank()) {
            // hashed once at start: the check compares hashes, not the plain password as typed
            scrapers.add(User.withUsername(user).password(encoder.encode(password)).roles(SCRAPER).build());
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(scrapers));
        provider.setPasswordEncoder(encoder);
        return http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders.standard())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(SCRAPER))
                .httpBasic(basic -> basic.realmName("bridgekeeper-metrics"))
                .build();
    }
}
