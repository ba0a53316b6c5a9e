package io.bridgekeeper.base.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers of every security chain (portal, APIs, API documents, metrics, error pages), so
 * no path answers with weaker ones. Spring Security adds X-Content-Type-Options: nosniff, no-store caching
 * and, on HTTPS requests, Strict-Transport-Security by default; this adds the policy and framing rules.
 */
public final class SecurityHeaders {

    /**
     * What the Vaadin portal needs and nothing more (Vaadin's "Content Security Policy" docs): its bootstrap
     * starts the client engine with an inline script and the engine builds functions from what the server
     * sends ('unsafe-inline' 'unsafe-eval'); components set inline styles; everything else comes from this
     * origin (push runs over a same-origin WebSocket). No page may be framed by anyone.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static Customizer<HeadersConfigurer<HttpSecurity>> standard() {
        return headers -> {
            // written before the request is handled: Vaadin writes its pages past the lazy writer, and /login
            // went out with none of these headers
            headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            });
            headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
        };
    }
}
