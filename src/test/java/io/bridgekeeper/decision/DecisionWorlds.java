package io.bridgekeeper.decision;

import io.bridgekeeper.compatibility.CompatibilityService;
import io.bridgekeeper.compatibility.NewCompatibility;
import io.bridgekeeper.compatibility.NewDeviceModel;
import io.bridgekeeper.decision.DecisionModel.Version;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.link.PartnerLinkService;
import io.bridgekeeper.link.UnlinkService;
import io.bridgekeeper.link.VendorRefusals;
import io.bridgekeeper.rollout.CacheVersionService;
import io.bridgekeeper.rollout.NewCacheVersion;
import io.bridgekeeper.rollout.RolloutService;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.NewApiKey;
import io.bridgekeeper.vendor.NewVendor;
import io.bridgekeeper.vendor.SuspensionService;
import io.bridgekeeper.vendor.ViolationPolicy;
import io.bridgekeeper.vendor.ViolationPolicyService;
import io.bridgekeeper.vendor.VendorApiKeyService;
import io.bridgekeeper.vendor.VendorKeyPrincipal;
import io.bridgekeeper.vendor.VendorService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Builds a fresh world for each try of {@link DecisionModelIT} through the real services, and holds the
 * services its operations call. Each world has a vendor of its own (so tries never see each other's
 * state), a second vendor that was created but never activated, and households with platform displays.
 */
@Component
class DecisionWorlds {

    /** What a try's world looks like before its operations run. */
    record Config(int households, Set<Capability> capabilities, boolean autoSuspend, boolean dormantHasVersion,
                  long seed) {
    }

    final JdbcTemplate jdbc;
    final TestData data;
    final UserDetailsService users;
    final SecurityContextHolderStrategy holder;
    final VendorService vendors;
    final VendorApiKeyService apiKeys;
    final CacheVersionService cacheVersions;
    final LinkService links;
    final PartnerLinkService partnerLinks;
    final UnlinkService unlinks;
    final DeviceService devices;
    final SuspensionService suspensions;
    final ViolationPolicyService policies;
    final RolloutService rollouts;
    final SigningSecretService secrets;
    final DecisionEngine engine;
    final DecisionState state;
    final CompatibilityService compatibility;
    final VendorRefusals refusals;

    /** Genuine keys of earlier worlds' vendors: to this world's vendor, keys of another vendor. */
    final List<DecisionWorld.Key> foreignKeys = new ArrayList<>();
    private final Map<String, Authentication> signedIn = new HashMap<>();

    DecisionWorlds(JdbcTemplate jdbc, UserDetailsService users, ObjectProvider<SecurityContextHolderStrategy> holder,
                   VendorService vendors, VendorApiKeyService apiKeys, CacheVersionService cacheVersions,
                   LinkService links, PartnerLinkService partnerLinks, UnlinkService unlinks, DeviceService devices,
                   SuspensionService suspensions, ViolationPolicyService policies, RolloutService rollouts,
                   SigningSecretService secrets, DecisionEngine engine, DecisionState state,
                   CompatibilityService compatibility, VendorRefusals refusals) {
        this.compatibility = compatibility;
        this.refusals = refusals;
        this.policies = policies;
        this.jdbc = jdbc;
        this.data = new TestData(jdbc);
        this.users = users;
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.vendors = vendors;
        this.apiKeys = apiKeys;
        this.cacheVersions = cacheVersions;
        this.links = links;
        this.partnerLinks = partnerLinks;
        this.unlinks = unlinks;
        this.devices = devices;
        this.suspensions = suspensions;
        this.rollouts = rollouts;
        this.secrets = secrets;
        this.engine = engine;
        this.state = state;
    }

    DecisionWorld create(Config config) {
        long started = System.nanoTime();
        DecisionWorld world = build(config);
        DecisionTally.took("world set-up", System.nanoTime() - started);
        return world;
    }

    private DecisionWorld build(Config config) {
        String slug = TestData.unique("prop");
        long vendorId = admin(() -> vendors.create(new NewVendor(slug, "Property test " + slug, config.capabilities(), null)));
        admin(() -> vendors.activate(vendorId, vendorVersion(vendorId)));
        // the world chooses the policy: proven evidence suspends or not; claims act from 1 to 3 of them, and suspend or not
        int claimedThreshold = 1 + (int) ((config.seed() >>> 20) % 3);
        boolean claimedMaySuspend = ((config.seed() >>> 24) & 1) == 0;
        admin(() -> policies.update(vendorId, new ViolationPolicy(config.autoSuspend(), claimedThreshold,
                ViolationPolicy.MAX_WINDOW, claimedMaySuspend)));
        long v1 = admin(() -> cacheVersions.register(vendorId, new NewCacheVersion("1.0", "first", null)));
        NewApiKey key = admin(() -> apiKeys.create(vendorId, "property test cloud"));
        VendorKeyPrincipal cloud = new VendorKeyPrincipal(key.id(), vendorId, slug, key.prefix());

        String dormantSlug = TestData.unique("dormant");
        long dormantId = admin(() -> vendors.create(new NewVendor(dormantSlug, "Never activated " + dormantSlug,
                Set.of(Capability.SNAPSHOT), null)));
        Version dormantStable = config.dormantHasVersion()
                ? new Version(admin(() -> cacheVersions.register(dormantId, new NewCacheVersion("0.9", null, null))), "0.9")
                : null;

        String activeKid = admin(() -> secrets.list()).stream().filter(s -> s.status() == io.bridgekeeper.decision.SigningSecretStatus.ACTIVE).findFirst()
                .orElseThrow().kid();
        DecisionModel model = new DecisionModel(slug, config.capabilities(), config.autoSuspend(), new Version(v1, "1.0"),
                dormantSlug, dormantStable);
        model.claimedThreshold = claimedThreshold;
        model.claimedMaySuspend = claimedMaySuspend;
        DecisionWorld world = new DecisionWorld(this, model, vendorId, cloud, activeKid, foreignKeys);
        for (int h = 0; h < config.households(); h++) {
            long account = data.household("Property household " + h);
            world.addHousehold(account, data.email(account), 1 + (int) ((config.seed() >>> h) & 1));
        }
        certifiedModels(world, vendorId, config.capabilities());
        sync();
        world.populate(DecisionPlanner.initialDevices(config.households(), config.seed()));
        return world;
    }

    /**
     * The vendor registers its camera models (M1, M2, with the vendor's capabilities) and declares them, from the
     * stable version on, with every capability a surface allows: M1 on smart-display and speaker-screen, M2 on
     * smart-display; an admin certifies each declared pair for that version. A surface where the vendor has no
     * capability it allows (speaker-screen for a vendor of camera streams only) gets no entry.
     */
    private void certifiedModels(DecisionWorld world, long vendorId, Set<Capability> capabilities) {
        Map<String, Set<Capability>> allowed = new HashMap<>();
        admin(() -> compatibility.surfaces()).forEach(s -> allowed.put(s.code(), s.capabilities()));
        List<String> names = capabilities.stream().map(Enum::name).sorted().toList();
        for (String code : DecisionPlanner.MODELS) {
            long id = admin(() -> compatibility.registerModel(vendorId, new NewDeviceModel(code, "Camera " + code,
                    "CAMERA", names)));
            List<String> certified = new ArrayList<>();
            for (String surface : code.equals("M1") ? List.of("smart-display", "speaker-screen") : List.of("smart-display")) {
                List<Capability> there = capabilities.stream().filter(allowed.get(surface)::contains).sorted().toList();
                if (there.isEmpty()) {
                    continue;
                }
                for (Capability c : there) {
                    admin(() -> compatibility.declare(vendorId, code, new NewCompatibility(surface, c.name(), "1.0")));
                }
                admin(() -> compatibility.certify(id, surface, "1.0"));
                certified.add(surface);
            }
            world.addModel(code, id, certified);
        }
    }

    long vendorVersion(long vendorId) {
        return jdbc.queryForObject("select version from vendor where id = ?", Long.class, vendorId);
    }

    /** Waits until this node's decision memory has applied every committed change. */
    void sync() {
        state.awaitCurrent(Duration.ofSeconds(10));
    }

    <T> T admin(Supplier<T> work) {
        return as(DemoAccounts.ADMIN, work);
    }

    void admin(Runnable work) {
        as(DemoAccounts.ADMIN, runnable(work));
    }

    <T> T secondAdmin(Supplier<T> work) {
        return as(DemoAccounts.SECOND_ADMIN, work);
    }

    void secondAdmin(Runnable work) {
        as(DemoAccounts.SECOND_ADMIN, runnable(work));
    }

    /** As this account, through the real account lookup (once per account) and method security. */
    <T> T as(String email, Supplier<T> work) {
        return with(signedIn.computeIfAbsent(email, e -> {
            UserDetails user = users.loadUserByUsername(e);
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }), work);
    }

    /** As the vendor's cloud calling the partner API with its key (role VENDOR). */
    <T> T asVendor(VendorKeyPrincipal key, Supplier<T> work) {
        return with(key.toAuthentication(), work);
    }

    private <T> T with(Authentication authentication, Supplier<T> work) {
        Authentication previous = holder.getContext().getAuthentication();
        holder.getContext().setAuthentication(authentication);
        try {
            return work.get();
        } finally {
            holder.getContext().setAuthentication(previous);
        }
    }

    private static Supplier<Void> runnable(Runnable work) {
        return () -> {
            work.run();
            return null;
        };
    }
}
