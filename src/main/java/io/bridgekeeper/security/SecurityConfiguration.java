package io.bridgekeeper.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.spring.security.RequestUtil;
import io.bridgekeeper.base.web.SecurityHeaders;
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
    SecurityFilterChain portalSecurity(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/styles/**", "/images/**", "/icons/**", "/favicon.ico").permitAll()
                .requestMatchers("/actuator/health/**").permitAll());
        // Vaadin exempts its login page from CSRF protection, so a foreign page could sign a browser in as the
        // attacker (login CSRF). Only the framework's own requests, which carry Vaadin's own token, are exempt
        // here; the login form sends Spring Security's token, which Vaadin puts into the page.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.headers(SecurityHeaders.standard());
        return http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login")
                        .enableCsrfConfiguration(false)
                        // Vaadin's default refuses any other path with a bare 403 while a known but refused route
                        // shows "Page not available": signed-in users reach the router, which answers both alike
                        .anyRequest(any -> any.authenticated()))
                .build();
    }

    /** Delegating encoder: bcrypt today, and hashes of an older or newer scheme still verify. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AccountAuthentication accountAuthentication(AccountDetailsService accounts, PasswordEncoder encoder,
                                                LoginAttempts attempts) {
        return new AccountAuthentication(accounts, encoder, attempts);
    }
}
