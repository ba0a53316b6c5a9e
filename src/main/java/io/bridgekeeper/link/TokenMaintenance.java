package io.bridgekeeper.link;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.device.DeviceOwnership;
import io.bridgekeeper.device.LinkedOwner;
import io.bridgekeeper.device.SyncResult;
import io.bridgekeeper.secrets.SecretSealer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What keeps OAuth links working without the household: refreshing tokens before they expire, pulling
 * each account's devices with its token, and revoking the tokens of unlinked accounts at the vendor
 * (RFC 7009). No transaction is open while a vendor answers: each step reads, asks the vendor, then
 * writes in a short transaction of its own. {@link OAuthJobs} runs each once across the nodes.
 */
@Component
class TokenMaintenance {

    private static final Logger log = LoggerFactory.getLogger(TokenMaintenance.class);
    /** Token endpoint errors that mean the vendor will not refresh this grant again (RFC 6749 5.2). */
    private static final Set<String> REFUSED = Set.of("invalid_grant", "unauthorized_client", "invalid_client",
            "invalid_scope", "access_denied");
    static final int BATCH = 100;

    private final OAuthStore store;
    private final VendorRegistrations registrations;
    private final OAuthHttp http;
    private final SecretSealer sealer;
    private final DeviceOwnership ownership;
    private final LinkStore links;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RestClientRefreshTokenTokenResponseClient refreshClient = new RestClientRefreshTokenTokenResponseClient();
    private final Duration refreshAhead;
    private final Duration revocationHorizon;

    TokenMaintenance(OAuthStore store, VendorRegistrations registrations, OAuthHttp http, SecretSealer sealer,
                     DeviceOwnership ownership, LinkStore links, AuditLog audit, TransactionTemplate tx, Clock clock,
                     @Value("${bridgekeeper.oauth.refresh-ahead:PT2M}") Duration refreshAhead,
                     @Value("${bridgekeeper.oauth.revocation-horizon:PT24H}") Duration revocationHorizon) {
        this.store = store;
        this.registrations = registrations;
        this.http = http;
        this.sealer = sealer;
        this.ownership = ownership;
        this.links = links;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.refreshAhead = refreshAhead;
        this.revocationHorizon = revocationHorizon;
        refreshClient.setRestClient(http.tokenClient());
    }

    // --- refresh

    /**
     * Refreshes every live link whose access token expires within the refresh-ahead time; returns how many were
     * tried, or empty when another node holds the lock (and so does this round).
     */
    @SchedulerLock(name = "oauth-token-refresh", lockAtLeastFor = "PT5S", lockAtMostFor = "PT10M")
    public Optional<Integer> refreshDue(Instant now) {
        List<Long> due = store.refreshDue(now.plus(refreshAhead), now, BATCH);
        for (long linkId : due) {
            try {
                refresh(linkId);
            } catch (RuntimeException e) {
                log.error("Refreshing the tokens of link {} failed", linkId, e);
            }
        }
        return Optional.of(due.size());
    }

    /** What one refresh came to. */
    enum Refresh { REFRESHED, REFUSED, FAILED, NOTHING }

    public Refresh refresh(long linkId) {
        OAuthStore.Tokens t = store.tokens(linkId).orElse(null);
        if (t == null || t.sealedRefresh() == null) {
            return Refresh.NOTHING;
        }
        OAuthStore.Server server = store.server(t.vendorId()).orElse(null);
        if (server == null) {
            return Refresh.NOTHING;
        }
        ClientRegistration registration = registrations.registration(server);
        Instant now = clock.instant();
        OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                sealer.unsealText(t.sealedAccess()), now.minusSeconds(1),
                t.accessExpiresAt() == null || !t.accessExpiresAt().isAfter(now) ? now : t.accessExpiresAt());
        OAuth2RefreshToken refresh = new OAuth2RefreshToken(sealer.unsealText(t.sealedRefresh()), null);
        OAuth2AccessTokenResponse response;
        try {
            response = refreshClient.getTokenResponse(new OAuth2RefreshTokenGrantRequest(registration, access, refresh));
        } catch (OAuth2AuthorizationException e) {
            String code = e.getError().getErrorCode();
            if (REFUSED.contains(code)) {
                vendorRefused(linkId, t.vendorId(), code);
                return Refresh.REFUSED;
            }
            backOff(linkId, t.refreshFailures(), OAuthHttp.classify(e.getCause() == null ? e : e.getCause()));
            return Refresh.FAILED;
        } catch (RuntimeException e) {
            backOff(linkId, t.refreshFailures(), OAuthHttp.classify(e));
            return Refresh.FAILED;
        }
        String newAccess = sealer.seal(response.getAccessToken().getTokenValue());
        String newRefresh = response.getRefreshToken() == null ? null
                : sealer.seal(response.getRefreshToken().getTokenValue());
        Instant expires = response.getAccessToken().getExpiresAt();
        Boolean stored = tx.execute(s -> {
            if (store.refreshed(linkId, t.version(), newAccess, expires, newRefresh, clock.instant())) {
                audit.record(LinkAuditAction.LINK_TOKENS_REFRESHED, "account_link", linkId, t.vendorId(), null,
                        tokenFacts(expires, newRefresh != null));
                return true;
            }
            // unlinked (or refreshed by someone else) while the vendor answered: these new tokens are nobody's
            store.queueLateRevocation(linkId, t.vendorId(), newAccess, newRefresh, clock.instant());
            audit.record(LinkAuditAction.LINK_TOKENS_REFRESHED, "account_link", linkId, t.vendorId(), null,
                    Map.of("discarded", true, "reason", "the link changed while the vendor answered; queued for revocation"));
            return false;
        });
        return Boolean.TRUE.equals(stored) ? Refresh.REFRESHED : Refresh.NOTHING;
    }

    /**
     * The vendor refused to refresh the link's tokens ({@code code}, RFC 6749 5.2): the link turns "needs
     * re-linking", and decisions for its devices are refused until the household links again. True when it
     * changed now (not already marked).
     */
    boolean vendorRefused(long linkId, long vendorId, String code) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            if (store.markNeedsRelink(linkId, code) == 0) {
                return false;
            }
            audit.record(LinkAuditAction.LINK_NEEDS_RELINK, "account_link", linkId, vendorId,
                    Map.of("needsRelink", false), Map.of("needsRelink", true, "vendorAnswer", code));
            return true;
        }));
    }

    private void backOff(long linkId, int failures, String answer) {
        long seconds = Math.min(30L << Math.min(failures, 6), 1800);
        tx.executeWithoutResult(s -> store.refreshFailed(linkId, answer, clock.instant().plusSeconds(seconds)));
    }

    private static Map<String, Object> tokenFacts(Instant expires, boolean rotated) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessExpiresAt", expires == null ? null : expires.toString());
        m.put("refreshTokenRotated", rotated);
        return m;
    }

    // --- device pull

    /** Pulls the devices of every link the vendor hinted at or not pulled within {@code every}; empty when locked elsewhere. */
    @SchedulerLock(name = "oauth-device-pull", lockAtLeastFor = "PT2S", lockAtMostFor = "PT10M")
    public Optional<Integer> pullDue(Instant now, Duration every) {
        List<Long> due = store.pullDue(now.minus(every), BATCH);
        for (long linkId : due) {
            try {
                pull(linkId);
            } catch (RuntimeException e) {
                log.error("Pulling the devices of link {} failed", linkId, e);
            }
        }
        return Optional.of(due.size());
    }

    /**
     * Asks the vendor's device endpoint for the link's devices with its access token (refreshing it first
     * when it has expired, and once more when the vendor says it is no longer valid) and reconciles them by
     * the ownership rules of every sync. Returns the sync's result, or empty when nothing was synced.
     */
    public Optional<SyncResult> pull(long linkId) {
        OAuthStore.Tokens t = store.tokens(linkId).orElse(null);
        if (t == null) {
            return Optional.empty();
        }
        OAuthStore.Server server = store.server(t.vendorId()).orElse(null);
        if (server == null) {
            return Optional.empty();
        }
        if (t.accessExpiresAt() != null && !t.accessExpiresAt().isAfter(clock.instant())) {
            if (refresh(linkId) != Refresh.REFRESHED) {
                return pullFailed(t, "access token expired and could not be refreshed");
            }
            t = store.tokens(linkId).orElse(null);
            if (t == null) {
                return Optional.empty();
            }
        }
        VendorDevices listed;
        try {
            listed = http.devices(server.devicesUri(), sealer.unsealText(t.sealedAccess()));
        } catch (OAuthHttp.Failure f) {
            if (f.status() != 401) {
                return pullFailed(t, f.answer());
            }
            if (refresh(linkId) != Refresh.REFRESHED) {
                return pullFailed(t, "HTTP 401 and the refresh failed");
            }
            OAuthStore.Tokens again = store.tokens(linkId).orElse(null);
            if (again == null) {
                return Optional.empty();
            }
            try {
                listed = http.devices(server.devicesUri(), sealer.unsealText(again.sealedAccess()));
            } catch (OAuthHttp.Failure f2) {
                return pullFailed(t, f2.answer());
            }
        }
        OAuthStore.Tokens link = t;
        VendorDevices devices = listed;
        if (!devices.account().equals(link.externalAccountId())) {
            return pullFailed(t, "the token's account is not the linked one");
        }
        try {
            return Optional.ofNullable(tx.execute(s -> {
                LinkedOwner owner = links.lockLiveLink(link.vendorId(), link.externalAccountId()).orElse(null);
                if (owner == null || owner.linkId() != linkId) {
                    return null;
                }
                SyncResult result = ownership.sync(owner, devices.devices());
                store.pulled(linkId, clock.instant(), null);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("devices", devices.devices().size());
                after.put("added", result.added());
                after.put("removed", result.removed());
                after.put("pendingConfirmation", result.pendingConfirmation());
                audit.record(LinkAuditAction.LINK_DEVICES_PULLED, "account_link", linkId, link.vendorId(), null, after);
                return result;
            }));
        } catch (DomainException invalid) {
            return pullFailed(t, "the device list was refused: " + invalid.getMessage());
        }
    }

    private Optional<SyncResult> pullFailed(OAuthStore.Tokens t, String why) {
        String answer = why.length() > 200 ? why.substring(0, 200) : why;
        tx.executeWithoutResult(s -> {
            store.pulled(t.linkId(), clock.instant(), answer);
            audit.record(LinkAuditAction.LINK_DEVICE_PULL_FAILED, "account_link", t.linkId(), t.vendorId(), null,
                    Map.of("answer", answer));
        });
        return Optional.empty();
    }

    // --- revocation

    /** Attempts every revocation due now; returns how many were attempted, or empty when locked elsewhere. */
    @SchedulerLock(name = "oauth-token-revocation", lockAtMostFor = "PT10M")
    public Optional<Integer> revokeDue(Instant now) {
        List<OAuthStore.Revocation> due = tx.execute(s -> store.lockDueRevocations(now, BATCH));
        for (OAuthStore.Revocation r : due) {
            try {
                revoke(r, now);
            } catch (RuntimeException e) {
                log.error("Revoking the tokens of link {} failed", r.linkId(), e);
            }
        }
        return Optional.of(due.size());
    }

    private void revoke(OAuthStore.Revocation r, Instant now) {
        OAuthStore.Server server = store.server(r.vendorId()).orElse(null);
        if (server == null || server.revocationUri() == null) {
            finish(r, TokenRevocationState.Status.NOT_OFFERED, "no revocation endpoint; tokens deleted here");
            return;
        }
        String secret = sealer.unsealText(server.sealedSecret());
        String answer;
        try {
            answer = http.revokeTokens(server.revocationUri(), server.clientId(), secret,
                    r.sealedRefresh() == null ? null : sealer.unsealText(r.sealedRefresh()),
                    r.sealedAccess() == null ? null : sealer.unsealText(r.sealedAccess()));
        } catch (OAuthHttp.Failure f) {
            if (now.isAfter(r.createdAt().plus(revocationHorizon))) {
                finish(r, TokenRevocationState.Status.FAILED, f.answer());
            } else {
                long seconds = Math.min(2L << Math.min(r.attempts(), 9), 600);
                tx.executeWithoutResult(s -> store.revocationRetry(r.id(), f.answer(), now.plusSeconds(seconds)));
            }
            return;
        }
        finish(r, TokenRevocationState.Status.REVOKED, answer);
    }

    private void finish(OAuthStore.Revocation r, TokenRevocationState.Status status, String answer) {
        tx.executeWithoutResult(s -> {
            store.revocationFinished(r.id(), status, answer, clock.instant());
            audit.record(status == TokenRevocationState.Status.FAILED ? LinkAuditAction.TOKEN_REVOCATION_FAILED
                            : LinkAuditAction.TOKENS_REVOKED_AT_VENDOR, "token_revocation", r.id(), r.vendorId(),
                    Map.of("status", "PENDING"), Map.of("status", status.name(), "vendorAnswer", answer,
                            "attempts", r.attempts() + 1, "link", r.linkId()));
        });
    }
}
