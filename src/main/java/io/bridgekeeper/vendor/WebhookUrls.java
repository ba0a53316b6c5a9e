package io.bridgekeeper.vendor;

/** How a webhook URL must be written, for a form's live check; {@link WebhookTargets} decides at save. */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    /** The problem with how the URL is written, or null when it is fine. Blank is a problem: enter a URL. */
    public static String problem(String url) {
        return WebhookTargets.syntaxProblem(url);
    }

    /** The same problem in {@code locale}'s words (the portal's live check). */
    public static String problem(String url, java.util.Locale locale) {
        io.bridgekeeper.base.Refusal refusal = WebhookTargets.syntaxRefusal(url);
        return refusal == null ? null : refusal.in(locale);
    }
}
