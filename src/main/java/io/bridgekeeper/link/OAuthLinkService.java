package io.bridgekeeper.link;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.device.DeviceOwnership;
import io.bridgekeeper.device.LinkedOwner;
import io.bridgekeeper.device.SyncResult;
import io.bridgekeeper.secrets.SecretSealer;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.VendorAccess;
import io.bridgekeeper.vendor.WebhookTargets;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Linking by OAuth 2.0: the vendor's authorization server as its partner manager registers it, and the
 * household's link once the vendor's sign-in sent it back with tokens. The protocol itself (authorization
 * code, PKCE, state bound to the session, the token request) is Spring Security's OAuth 2.0 client
 * ({@link OAuthLinkSecurity}); this service holds the rules, security and audit around it.
 */
@Service
@Transactional
public class OAuthLinkService {

    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}");
    private static final int MAX_SCOPES = 20;

    private final OAuthStore store;
    private final LinkStore links;
    private final DeviceOwnership ownership;
    private final VendorAccess access;
    private final CurrentUser currentUser;
    private final SecretSealer sealer;
    private final OAuthHttp http;
    private final AuditLog audit;
    private final Clock clock;

    OAuthLinkService(OAuthStore store, LinkStore links, DeviceOwnership ownership, VendorAccess access,
                     CurrentUser currentUser, SecretSealer sealer, OAuthHttp http, AuditLog audit, Clock clock) {
        this.store = store;
        this.links = links;
        this.ownership = ownership;
        this.access = access;
        this.currentUser = currentUser;
        this.sealer = sealer;
        this.http = http;
        this.audit = audit;
        this.clock = clock;
    }

    // --- the vendor's authorization server

    /** The vendor's OAuth settings, or null when it has none (it links by code); admins and its partner managers. */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public OAuthSettings settings(long vendorId) {
        access.requireManage(vendorId);
        return store.server(vendorId).map(s -> new OAuthSettings(s.vendorId(), s.enabled(), s.authorizationUri(),
                s.tokenUri(), s.revocationUri(), s.devicesUri(), s.clientId(), s.scopes(), s.pkce(), true,
                s.updatedAt())).orElse(null);
    }

    /**
     * Saves the vendor's authorization server. Every URL must pass the outbound-request rules (https to a
     * public address); the client secret is sealed, and a blank one keeps the stored secret. Audited with
     * what changed; the secret's value never appears, only that it changed.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    public OAuthSettings saveSettings(long vendorId, OAuthSettingsForm form) {
        access.requireManage(vendorId);
        String authorization = url("authorizationUri", form.authorizationUri(), true);
        String token = url("tokenUri", form.tokenUri(), true);
        String revocation = url("revocationUri", form.revocationUri(), false);
        String devices = url("devicesUri", form.devicesUri(), true);
        String clientId = form.clientId() == null ? "" : form.clientId().strip();
        if (clientId.isEmpty() || clientId.length() > 200 || clientId.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidField("invalid-client-id", "clientId", new Refusal("refusal.oauth.client-id"));
        }
        List<String> scopes = scopes(form.scopes());
        OAuthStore.Server before = store.lockServer(vendorId).orElse(null);
        String secret = form.clientSecret() == null ? "" : form.clientSecret().strip();
        if (secret.isEmpty() && before == null) {
            throw DomainException.invalidField("client-secret-required", "clientSecret",
                    new Refusal("refusal.oauth.client-secret-required"));
        }
        if (secret.length() > 500 || secret.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidField("invalid-client-secret", "clientSecret",
                    new Refusal("refusal.oauth.client-secret"));
        }
        String sealed = secret.isEmpty() ? before.sealedSecret() : sealer.seal(secret);
        Instant now = clock.instant();
        store.saveServer(vendorId, form.enabled(), authorization, token, revocation, devices, clientId, sealed, scopes,
                form.pkce(), now, currentUser.get().map(a -> a.id()).orElse(null));
        Map<String, Object> after = describe(form.enabled(), authorization, token, revocation, devices, clientId, scopes,
                form.pkce());
        after.put("clientSecret", secret.isEmpty() ? "unchanged" : "changed");
        audit.record(LinkAuditAction.OAUTH_SETTINGS_CHANGED, "vendor", vendorId, vendorId,
                before == null ? null : describe(before.enabled(), before.authorizationUri(), before.tokenUri(),
                        before.revocationUri(), before.devicesUri(), before.clientId(), before.scopes(), before.pkce()),
                after);
        return settings(vendorId);
    }

    /**
     * "Test connection": probes each endpoint of the saved settings under the outbound-request rules (see
     * {@link OAuthHttp#probe}). Reads only; no transaction is held while the vendor answers.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true, propagation = Propagation.NOT_SUPPORTED)
    public List<ConnectionCheck> testConnection(long vendorId) {
        access.requireManage(vendorId);
        OAuthStore.Server s = store.server(vendorId).orElseThrow(() -> DomainException.notFound("oauth-not-configured",
                new Refusal("refusal.oauth.not-configured")));
        String secret = sealer.unsealText(s.sealedSecret());
        List<ConnectionCheck> checks = new ArrayList<>();
        for (String[] e : List.of(new String[] {"authorization", s.authorizationUri()},
                new String[] {"token", s.tokenUri()}, new String[] {"revocation", s.revocationUri()},
                new String[] {"devices", s.devicesUri()})) {
            OAuthHttp.Probe probe = http.probe(e[0], e[1], s.clientId(), secret);
            checks.add(new ConnectionCheck(e[0], e[1], probe.ok(), probe.answer()));
        }
        return checks;
    }

    /** Links by OAuth of this vendor, those needing re-linking, and revocations open or failed (for its page). */
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
    @Transactional(readOnly = true)
    public Map<String, Long> health(long vendorId) {
        access.requireManage(vendorId);
        OAuthStore.Health h = store.health(vendorId);
        Map<String, Long> result = new LinkedHashMap<>();
        result.put("links", h.links());
        result.put("needsRelink", h.needsRelink());
        result.put("revocationsOpen", h.revocationsOpen());
        result.put("revocationsFailed", h.revocationsFailed());
        return result;
    }

    /**
     * An admin sends the vendor's failed revocations again (after the vendor fixed its endpoint): they are
     * retried at once, with a new retry horizon. Returns how many.
     */
    @RolesAllowed(Roles.ADMIN)
    public int retryFailedRevocations(long vendorId) {
        access.requireManage(vendorId);
        int retried = store.retryFailedRevocations(vendorId, clock.instant());
        audit.record(LinkAuditAction.TOKEN_REVOCATIONS_RETRIED, "vendor", vendorId, vendorId, null,
                Map.of("revocations", retried));
        return retried;
    }

    // --- the household's link

    /**
     * Completes the signed-in household's link after the vendor's sign-in: the tokens Spring Security
     * obtained and what the vendor's device endpoint listed with them. In one transaction: the link (new,
     * relinked after an unlink, or renewed when it needed re-linking), its tokens sealed, and its devices
     * reconciled by the same ownership rules as the partner API's sync. The vendor account linked live to
     * another household is refused, and nothing is written.
     */
    @RolesAllowed(Roles.END_USER)
    public OAuthNotice complete(String vendorSlug, OAuthTokens tokens, VendorDevices listed) {
        OAuthStore.Server server = store.serverBySlug(vendorSlug).filter(s -> s.enabled() && s.vendorActive())
                .orElseThrow(() -> DomainException.invalid("vendor-not-linkable",
                        new Refusal("refusal.link.vendor-not-linkable")));
        long vendorId = server.vendorId();
        long account = currentUser.id();
        String external = listed.account();
        if (external.isEmpty() || external.length() > 200) {
            throw DomainException.invalid("invalid-external-account", new Refusal("refusal.link.invalid-external-account"));
        }
        ownership.validate(listed.devices());
        Instant now = clock.instant();
        LinkedOwner live = links.lockLiveLink(vendorId, external).orElse(null);
        LinkAuditAction event;
        long linkId;
        int epoch;
        if (live != null) {
            if (live.accountId() != account) {
                throw DomainException.conflict("account-already-linked",
                        new Refusal("refusal.link.account-already-linked", external));
            }
            linkId = live.linkId();
            epoch = live.epoch();
            event = LinkAuditAction.LINK_RENEWED;
            store.clearNeedsRelink(linkId);
            // the tokens it replaces are revoked at the vendor, not just forgotten
            store.queueRevocation(linkId, null, now);
        } else {
            Long ended = links.lockEndedLink(account, vendorId, external).orElse(null);
            try {
                if (ended != null) {
                    linkId = ended;
                    epoch = links.relink(linkId, now);
                    event = LinkAuditAction.RELINKED;
                } else {
                    epoch = 1;
                    linkId = links.insertLink(account, vendorId, external, now);
                    event = LinkAuditAction.LINKED;
                }
            } catch (DuplicateKeyException race) {
                throw DomainException.conflict("account-already-linked",
                        new Refusal("refusal.link.account-already-linked", external));
            }
            links.epochEvent(linkId, epoch, event.name(), now, account, "linked by OAuth");
        }
        store.insertTokens(linkId, sealer.seal(tokens.accessToken()), tokens.accessExpiresAt(),
                tokens.refreshToken() == null ? null : sealer.seal(tokens.refreshToken()), tokens.scopes(), now);
        SyncResult sync = ownership.sync(new LinkedOwner(linkId, account, vendorId, epoch), listed.devices());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "LIVE");
        after.put("method", "OAUTH");
        after.put("epoch", epoch);
        after.put("account", account);
        after.put("externalAccountId", external);
        after.put("scopes", tokens.scopes());
        after.put("refreshToken", tokens.refreshToken() != null);
        after.put("devices", listed.devices().size());
        after.put("pendingConfirmation", sync.pendingConfirmation());
        audit.record(event, "account_link", linkId, vendorId,
                event == LinkAuditAction.LINKED ? null : Map.of("status", event == LinkAuditAction.RELINKED ? "ENDED"
                        : "NEEDS_RELINK"), after);
        return new OAuthNotice(true, server.vendorName(), listed.devices().size(), null);
    }

    private String url(String field, String value, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                throw DomainException.invalidField("invalid-url", field, new Refusal("refusal.oauth.url-required"));
            }
            return null;
        }
        Refusal syntax = WebhookTargets.syntaxRefusal(v);
        if (syntax != null) {
            throw DomainException.invalidField("invalid-url", field, syntax);
        }
        String problem = http.problem(v);
        if (problem != null) {
            throw DomainException.invalidField("forbidden-url", field, new Refusal("refusal.oauth.url-forbidden", problem));
        }
        return v;
    }

    private static List<String> scopes(String text) {
        List<String> scopes = text == null ? List.of() : Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty())
                .distinct().toList();
        if (scopes.size() > MAX_SCOPES) {
            throw DomainException.invalidField("invalid-scope", "scopes", new Refusal("refusal.oauth.too-many-scopes",
                    String.valueOf(MAX_SCOPES)));
        }
        for (String scope : scopes) {
            if (!SCOPE.matcher(scope).matches()) {
                throw DomainException.invalidField("invalid-scope", "scopes", new Refusal("refusal.oauth.scope", scope));
            }
        }
        return scopes;
    }

    private static Map<String, Object> describe(boolean enabled, String authorization, String token, String revocation,
                                                String devices, String clientId, List<String> scopes, boolean pkce) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("linkMethod", enabled ? "OAUTH" : "CODE");
        m.put("authorizationUri", authorization);
        m.put("tokenUri", token);
        m.put("revocationUri", revocation);
        m.put("devicesUri", devices);
        m.put("clientId", clientId);
        m.put("scopes", scopes);
        m.put("pkce", pkce);
        return m;
    }
}
