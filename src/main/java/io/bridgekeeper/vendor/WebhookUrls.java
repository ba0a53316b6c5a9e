package io.bridgekeeper.vendor;

import io.bridgekeeper.base.DomainException;
import java.net.URI;
import java.util.Set;

/** A vendor's webhook URL: https, or http only for a local test endpoint. */
public final class WebhookUrls {

    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private WebhookUrls() {
    }

    /** The problem with the URL in words, or null when it is fine. Blank means "no webhook". */
    public static String problem(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return "This is not a valid URL.";
        }
        String host = uri.getHost();
        if (uri.getScheme() == null || host == null || host.isBlank()) {
            return "Enter a full URL such as https://hooks.example.com/bridgekeeper.";
        }
        if (url.length() > 2048) {
            return "The URL is longer than 2048 characters.";
        }
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            return null;
        }
        if ("http".equalsIgnoreCase(uri.getScheme()) && LOCAL.contains(host.toLowerCase())) {
            return null;
        }
        return "Use https (plain http is allowed only for localhost).";
    }

    static String validated(String url) {
        String problem = problem(url);
        if (problem != null) {
            throw DomainException.invalidField("invalid-webhook-url", "webhookUrl", problem);
        }
        return url == null || url.isBlank() ? null : url.trim();
    }
}
