package io.bridgekeeper.decision;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.bridgekeeper.base.cluster.ClusterListener;
import io.bridgekeeper.secrets.SecretSealer;
import io.bridgekeeper.vendor.Capability;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This node's memory of what decisions need: each vendor's status, capabilities, stable version and
 * running rollout stage (all of them, they are few), the devices and links that resolve asked for
 * recently (bounded maps) and resolve's last answer for each device. The database tells every node
 * what changed through NOTIFY on {@value #CHANNEL}, sent by triggers (V050) so no code path can
 * forget; PostgreSQL delivers it at commit. While the LISTEN connection is down nothing here is
 * trusted: answers come from the database until the node listens again and has reloaded. Resolve
 * alone may keep answering from memory while it is no older than
 * {@code bridgekeeper.decision.resolve-max-staleness} (memory was current when the connection was
 * lost, so a database that is briefly away does not stop it); after that it reads the database too,
 * and when the database cannot be reached either the API says 503 rather than guess.
 *
 * <p>Authorization never answers ownership from here: it reads the devices and links in the
 * database on every call (see {@link DecisionEngine}), so a committed unlink is never missed.
 */
@Component
public class DecisionState implements ClusterListener {

    static final String CHANNEL = "bridgekeeper_decision";

    public record Version(long id, String label) {
    }

    /** A running or paused rollout: buckets below the stage's percentage are on {@code to}. */
    public record ActiveRollout(long id, String salt, int percent, Version from, Version to) {
    }

    public record VendorState(long id, String slug, String status, Set<Capability> capabilities, Version stable,
                              ActiveRollout rollout) {
        boolean live() {
            return "ACTIVE".equals(status) || "SUSPENDED".equals(status);
        }
    }

    /** No owner or no link: ids are positive, so 0 stands for none without a boxed {@code Long} to read. */
    static final long NONE = 0;

    private static final String VENDORS = """
            select v.id, v.slug, v.status,
                   (select array_agg(c.capability) from vendor_capability_directory c where c.vendor_id = v.id) as caps,
                   sv.id as stable_id, sv.label as stable_label,
                   r.id as rollout_id, r.salt, r.percent, r.from_version_id as from_id, r.from_label,
                   r.to_version_id as to_id, r.to_label
            from vendor_directory v
            left join cache_version_directory sv on sv.vendor_id = v.id and sv.stable
            left join rollout_directory r on r.vendor_id = v.id and r.state in ('RUNNING', 'PAUSED')
            """;

    private final JdbcTemplate jdbc;
    private final SecretSealer sealer;
    private final CacheKeys cacheKeys = new CacheKeys();
    /** The devices resolve asked for. */
    private final DeviceIndex devices;
    /** Resolve's last answer for each device, in front of {@link #devices}. */
    private final ResolveAnswers answers;
    private final Cache<Long, LinkEntry> links;
    private final Map<String, CountDownLatch> barriers = new ConcurrentHashMap<>();
    private final List<Runnable> credentialListeners = new ArrayList<>();

    private volatile Map<String, VendorState> vendorsBySlug = Map.of();
    private volatile Map<Long, VendorState> vendorsById = Map.of();
    private volatile boolean trusted;
    /** When memory stopped being current (the LISTEN connection was lost); null while listening or before the first load. */
    private volatile Instant lostAt;
    private final Clock clock;
    private final Duration resolveMaxStaleness;

    DecisionState(JdbcTemplate jdbc, SecretSealer sealer,
                  @Value("${bridgekeeper.decision.cache-size:2000000}") long cacheSize, Clock clock,
                  @Value("${bridgekeeper.decision.resolve-max-staleness:15s}") Duration resolveMaxStaleness) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.clock = clock;
        this.resolveMaxStaleness = resolveMaxStaleness;
        this.devices = new DeviceIndex(cacheSize, this::loadDevice);
        this.answers = new ResolveAnswers(cacheSize);
        this.links = Caffeine.newBuilder().maximumSize(Math.max(1_000, cacheSize / 2))
                .<Long, LinkEntry>evictionListener((id, link, cause) -> {
                    if (link != null) {
                        link.superseded = true;
                    }
                })
                .build();
        loadSecrets();
    }

    CacheKeys cacheKeys() {
        return cacheKeys;
    }

    /** True while memory is current (listening); otherwise callers read the database. */
    boolean trusted() {
        return trusted;
    }

    /**
     * True while resolve may answer from memory: it is current, or it was current when the LISTEN
     * connection was lost no longer than {@code resolve-max-staleness} ago. Authorize never asks this.
     */
    boolean servesResolve() {
        if (trusted) {
            return true;
        }
        Instant lost = lostAt;
        return lost != null && !clock.instant().isAfter(lost.plus(resolveMaxStaleness));
    }

    /** How old memory may be for resolve (see {@link #servesResolve()}). */
    Duration resolveMaxStaleness() {
        return resolveMaxStaleness;
    }

    // --- reads -------------------------------------------------------------------------------------

    /** For resolve: from memory while {@link #servesResolve()}, otherwise from the database. */
    VendorState vendorForResolve(String slug) {
        if (!servesResolve()) {
            return vendor(slug);
        }
        VendorState v = vendorsBySlug.get(slug);
        // while memory is briefly stale, a vendor it lacks may have been onboarded since: read it (like a device)
        return v != null || trusted ? v : vendor(slug);
    }

    VendorState vendor(String slug) {
        if (!trusted) {
            return jdbc.query(VENDORS + " where v.slug = ?", DecisionState::vendorRow, slug).stream().findFirst()
                    .orElse(null);
        }
        return vendorsBySlug.get(slug);
    }

    VendorState vendor(long id) {
        if (!trusted) {
            return loadVendor(id);
        }
        return vendorsById.get(id);
    }

    /** Resolve's device (see {@link #servesResolve()}). */
    DeviceEntry device(DeviceKey key) {
        if (!servesResolve()) {
            return loadDevice(key);
        }
        return devices.get(key);
    }

    /** Resolve's answers; only while {@link #servesResolve()}. */
    ResolveAnswers answers() {
        return answers;
    }

    /** The device's link: the entry the device holds unless it was superseded, otherwise from the cache. */
    LinkEntry link(DeviceEntry device) {
        if (!servesResolve()) {
            return loadLink(device.linkId);
        }
        LinkEntry link = device.link;
        if (link == null || link.superseded) {
            link = links.get(device.linkId, this::loadLink);
            device.link = link;
        }
        return link;
    }

    /**
     * Waits until this node has applied every change committed before the call (a NOTIFY of its own
     * goes through the same queue, behind them). For tests and for callers that must read their own
     * writes from memory.
     */
    public void awaitCurrent(Duration timeout) {
        if (!trusted) {
            return;
        }
        String token = UUID.randomUUID().toString();
        CountDownLatch latch = new CountDownLatch(1);
        barriers.put(token, latch);
        try {
            jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, "sync:" + token);
            if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && trusted) {
                throw new IllegalStateException("Decision state did not catch up within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            barriers.remove(token);
        }
    }

    void onCredentialsChanged(Runnable listener) {
        credentialListeners.add(listener);
    }

    // --- cluster -----------------------------------------------------------------------------------

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public synchronized void onListening() {
        devices.clear();
        forgetLinks(null);
        answers.clear();
        loadSecrets();
        Map<Long, VendorState> all = new HashMap<>();
        jdbc.query(VENDORS, DecisionState::vendorRow).forEach(v -> all.put(v.id(), v));
        publish(all);
        credentialListeners.forEach(Runnable::run);
        trusted = true;
        lostAt = null;
    }

    @Override
    public void onDisconnected() {
        if (trusted) {
            lostAt = clock.instant();
        }
        trusted = false;
        barriers.values().forEach(CountDownLatch::countDown);
    }

    @Override
    public void onNotification(String payload) {
        int colon = payload.indexOf(':');
        String kind = colon < 0 ? payload : payload.substring(0, colon);
        String rest = colon < 0 ? "" : payload.substring(colon + 1);
        switch (kind) {
            case "v" -> reloadVendor(Long.parseLong(rest));
            case "d" -> evictDevices(rest);
            case "l" -> linksChanged(rest);
            case "s" -> loadSecrets();
            case "c" -> credentialListeners.forEach(Runnable::run);
            case "sync" -> {
                CountDownLatch latch = barriers.get(rest);
                if (latch != null) {
                    latch.countDown();
                }
            }
            default -> {
                // a newer node's notification: nothing this node knows to do
            }
        }
    }

    private synchronized void reloadVendor(long id) {
        Map<Long, VendorState> next = new HashMap<>(vendorsById);
        VendorState v = loadVendor(id);
        if (v == null) {
            next.remove(id);
        } else {
            next.put(id, v);
        }
        publish(next);
    }

    private void publish(Map<Long, VendorState> byId) {
        Map<String, VendorState> bySlug = new HashMap<>();
        byId.values().forEach(v -> bySlug.put(v.slug(), v));
        vendorsById = Map.copyOf(byId);
        vendorsBySlug = Map.copyOf(bySlug);
    }

    /** Removes the links (all when {@code ids} is null) from the cache and marks them superseded for the devices holding them. */
    private void forgetLinks(String[] ids) {
        Iterable<Long> which = ids == null ? List.copyOf(links.asMap().keySet())
                : Arrays.stream(ids).map(Long::valueOf).toList();
        for (Long id : which) {
            LinkEntry gone = links.asMap().remove(id);
            if (gone != null) {
                gone.superseded = true;
            }
        }
    }

    /** The devices changed: forgets them and their answers, in that order (see {@link ResolveAnswers}). */
    private void evictDevices(String ids) {
        if ("*".equals(ids)) {
            devices.clear();
            answers.clear();
            return;
        }
        forEachDevice(DEVICES_BY_ID, ids, key -> {
            devices.evict(key);
            answers.evict(key);
        });
    }

    /**
     * The links changed: marks them superseded for the devices holding them, then forgets the answers
     * of their devices, which carry the link's state.
     */
    private void linksChanged(String ids) {
        if ("*".equals(ids)) {
            forgetLinks(null);
            answers.clear();
            return;
        }
        forgetLinks(ids.split(","));
        forEachDevice(DEVICES_BY_LINK, ids, answers::evict);
    }

    private static final String DEVICES_BY_ID =
            "select vendor_id, vendor_device_id from device_directory where id = any(?) and vendor_id is not null";
    private static final String DEVICES_BY_LINK =
            "select vendor_id, vendor_device_id from device_directory where link_id = any(?) and vendor_id is not null";

    /** The keys of the vendor devices that {@code sql} finds for the comma-separated {@code ids}. */
    private void forEachDevice(String sql, String ids, Consumer<DeviceKey> action) {
        Long[] parsed = Arrays.stream(ids.split(",")).map(Long::valueOf).toArray(Long[]::new);
        jdbc.query(sql, rs -> {
            action.accept(new DeviceKey(rs.getLong(1), rs.getString(2)));
        }, (Object) parsed);
    }

    /** The secrets are stored sealed (V105); they exist in clear only in this node's memory. */
    private void loadSecrets() {
        cacheKeys.load(jdbc.query("select kid, sealed_secret, status from cache_key_secret",
                (rs, i) -> new CacheKeys.Secret(rs.getString("kid"), sealer.unseal(rs.getString("sealed_secret")),
                        SigningSecretStatus.valueOf(rs.getString("status")))));
    }

    private VendorState loadVendor(long id) {
        return jdbc.query(VENDORS + " where v.id = ?", DecisionState::vendorRow, id).stream().findFirst().orElse(null);
    }

    private DeviceEntry loadDevice(DeviceKey key) {
        return jdbc.query("""
                select id, state, owner_account_id, link_id from device_directory where vendor_id = ? and vendor_device_id = ?
                """, rs -> rs.next() ? new DeviceEntry(rs.getLong(1), key.vendorDeviceId(),
                rs.getString(2), rs.getLong(3), rs.getLong(4)) : null, key.vendorId(), key.vendorDeviceId());
    }

    private LinkEntry loadLink(long id) {
        return jdbc.query("select id, account_id, status, epoch, needs_relink from link_directory where id = ?",
                rs -> rs.next() ? new LinkEntry(rs.getLong(1), rs.getLong(2), "LIVE".equals(rs.getString(3)),
                        rs.getInt(4), rs.getBoolean(5)) : null, id);
    }

    private static VendorState vendorRow(ResultSet rs, int i) throws SQLException {
        Set<Capability> caps = EnumSet.noneOf(Capability.class);
        Array arr = rs.getArray("caps");
        if (arr != null) {
            for (Object c : (Object[]) arr.getArray()) {
                caps.add(Capability.valueOf((String) c));
            }
        }
        Version stable = version(rs, "stable_id", "stable_label");
        ActiveRollout rollout = null;
        long rolloutId = rs.getLong("rollout_id");
        if (!rs.wasNull()) {
            rollout = new ActiveRollout(rolloutId, rs.getString("salt"), rs.getInt("percent"),
                    version(rs, "from_id", "from_label"), version(rs, "to_id", "to_label"));
        }
        return new VendorState(rs.getLong("id"), rs.getString("slug"), rs.getString("status"), Set.copyOf(caps),
                stable, rollout);
    }

    private static Version version(ResultSet rs, String id, String label) throws SQLException {
        long v = rs.getLong(id);
        return rs.wasNull() ? null : new Version(v, rs.getString(label));
    }

    static Long longOrNull(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }
}
