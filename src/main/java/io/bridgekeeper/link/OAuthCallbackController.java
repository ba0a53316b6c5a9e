package io.bridgekeeper.link;

import io.bridgekeeper.base.Refusal;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the household's browser lands after the vendor's sign-in, once Spring Security's filter has
 * dealt with the answer: with the outcome in the session (linked, or why not), with an {@code error}
 * the vendor or the token exchange gave, or with a {@code code} and {@code state} that match no
 * authorization request of this session (replayed, from another browser, or too old). Each ends on My
 * home with a plain-words notice; none of them changes anything.
 */
@Controller
class OAuthCallbackController {

    private final VendorRegistrations registrations;

    OAuthCallbackController(VendorRegistrations registrations) {
        this.registrations = registrations;
    }

    @GetMapping(VendorRegistrations.CALLBACK_PATH + "/{vendor}")
    String callback(@PathVariable String vendor, @RequestParam(required = false) String error,
                    @RequestParam(required = false) String state, HttpSession session) {
        if (error != null || state != null || session.getAttribute(OAuthNotice.SESSION_ATTRIBUTE) == null) {
            var registration = registrations.findByRegistrationId(vendor);
            String name = registration == null ? vendor : registration.getClientName();
            session.setAttribute(OAuthNotice.SESSION_ATTRIBUTE, new OAuthNotice(false, name, 0, refusal(error, name)));
        }
        return "redirect:/home";
    }

    /**
     * Reached only when Spring Security made no authorization request of it: the vendor is unknown, not
     * active, or does not link by OAuth (any more). Nothing happens but a plain-words notice.
     */
    @GetMapping(VendorRegistrations.START_PATH + "/{vendor}")
    String notLinkable(@PathVariable String vendor, HttpSession session) {
        session.setAttribute(OAuthNotice.SESSION_ATTRIBUTE, new OAuthNotice(false, vendor, 0,
                new Refusal("refusal.link.vendor-not-linkable")));
        return "redirect:/home";
    }

    /** The vendor's or the exchange's error code in plain words (RFC 6749 4.1.2.1 and 5.2). */
    static Refusal refusal(String error, String vendorName) {
        if (error == null) {
            return new Refusal("refusal.oauth.state", vendorName);
        }
        return switch (error) {
            case "access_denied" -> new Refusal("refusal.oauth.access-denied", vendorName);
            case "invalid_scope" -> new Refusal("refusal.oauth.invalid-scope", vendorName);
            case "invalid_grant" -> new Refusal("refusal.oauth.invalid-grant", vendorName);
            case "invalid_state_parameter", "authorization_request_not_found" -> new Refusal("refusal.oauth.state", vendorName);
            case "invalid_client", "unauthorized_client", "unsupported_response_type" ->
                    new Refusal("refusal.oauth.misconfigured", vendorName);
            case "temporarily_unavailable", "server_error", "invalid_token_response" ->
                    new Refusal("refusal.oauth.unavailable", vendorName);
            default -> new Refusal("refusal.oauth.other", vendorName);
        };
    }
}
