package io.bridgekeeper.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import io.bridgekeeper.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Portal security: Vaadin's form login against accounts in PostgreSQL; every view carries an
 * access annotation, and every service method carries its own ({@code @RolesAllowed}), because
 * a view can be bypassed.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain portalSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/styles/**", "/images/**", "/favicon.ico").permitAll()
                .requestMatchers("/actuator/health/**", "/actuator/prometheus").permitAll());
        return http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login")).build();
    }

    /** Delegating encoder: bcrypt today, and hashes of an older or newer scheme still verify. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
