package io.bridgekeeper.decision;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.decision.DecisionModel.Answer;
import io.bridgekeeper.decision.DecisionModel.Claims;
import io.bridgekeeper.decision.DecisionModel.Device;
import io.bridgekeeper.decision.DecisionModel.Item;
import io.bridgekeeper.decision.DecisionModel.Link;
import io.bridgekeeper.decision.DecisionModel.LinkOutcome;
import io.bridgekeeper.decision.DecisionModel.Synced;
import io.bridgekeeper.decision.DecisionModel.Version;
import io.bridgekeeper.device.DeviceItem;
import io.bridgekeeper.device.SyncResult;
import io.bridgekeeper.link.LinkCompleted;
import io.bridgekeeper.rollout.NewCacheVersion;
import io.bridgekeeper.rollout.NewRollout;
import io.bridgekeeper.rollout.RolloutState;
import io.bridgekeeper.rollout.StagePlan;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.SuspendCommand;
import io.bridgekeeper.vendor.SuspensionReason;
import io.bridgekeeper.vendor.VendorKeyPrincipal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * One try's world: the real application (through its services and the decision engine) and the
 * {@link DecisionModel} side by side. Every operation is applied to both; every decision is asked of
 * both and must be equal. An operation's choices come from one random number, interpreted against the
 * world as it is when the operation runs, so a shrunk sequence stays meaningful; an operation that does
 * not apply any more is skipped.
 */
final class DecisionWorld {

    /** A household (an account of its own) and its platform displays. */
    record Household(int index, long account, String email, List<String> displays) {
    }

    /** A cache key the test holds, with what the model knows it says ({@code claims} null: not genuine). */
    record Key(String text, Claims claims, String how) {
    }

    static final int DEVICE_IDS = 12;
    private static final List<List<Integer>> PLANS = List.of(List.of(10, 50, 100), List.of(25, 100),
            List.of(1, 5, 25, 50, 100), List.of(50, 100), List.of(100), List.of(33, 66, 100), List.of(5, 20, 60, 100));
    private static final int TRAIL = 120;

    private final DecisionWorlds s;
    final DecisionModel model;
    private final long vendorId;
    private final VendorKeyPrincipal cloud;
    private final List<String> kids = new ArrayList<>();
    private final List<Household> households = new ArrayList<>();
    private final Map<String, Long> rowIds = new HashMap<>();
    private final List<Key> keys = new ArrayList<>();
    private final Map<String, Key> latest = new HashMap<>();
    private final List<Key> foreignKeys;
    private final List<String> trail = new ArrayList<>();
    private int step;
    private int versions;
    private boolean settingUp;

    DecisionWorld(DecisionWorlds s, DecisionModel model, long vendorId, VendorKeyPrincipal cloud, String activeKid,
                  List<Key> foreignKeys) {
        this.s = s;
        this.model = model;
        this.vendorId = vendorId;
        this.cloud = cloud;
        this.kids.add(activeKid);
        this.foreignKeys = foreignKeys;
    }

    @Override
    public String toString() {
        return "world of " + model.slug;
    }

    // --- set-up ------------------------------------------------------------------------------------

    /** A household with its platform displays (the platform's own devices: no service creates them). */
    void addHousehold(long account, String email, int displays) {
        Household h = new Household(households.size(), account, email, new ArrayList<>());
        for (int i = 0; i < displays; i++) {
            String id = model.slug + "-h" + h.index() + "-display" + i;
            s.jdbc.update("""
                    insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, state, owner_since)
                    values (null, ?, 'DISPLAY', ?, ?, 'ACTIVE', now())""", id, "Display " + i, account);
            h.displays().add(id);
            model.displays.put(id, new Device(id, true, account, null, "Display " + i));
        }
        households.add(h);
    }

    /** Each household links a vendor account of its own and the vendor syncs one to three devices into it. */
    void populate(long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        int next = 0;
        settingUp = true;
        for (Household h : households) {
            Link link = linkAs(h, "x" + h.index());
            List<Item> items = new ArrayList<>();
            for (int n = 1 + r.nextInt(3); n > 0 && next < DEVICE_IDS; n--) {
                items.add(item("d" + next++, 0));
            }
            syncLink(link, items);
        }
        settingUp = false;
    }

    // --- decisions ---------------------------------------------------------------------------------

    void resolve(long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        String vendor = vendor(r, 4, 4);
        int pick = r.nextInt(100);
        String device = pick < 85 ? deviceId(r) : pick < 95 ? "ghost-" + r.nextInt(3) : anyDisplay(r);
        checkResolve(vendor, device);
        tally("resolve", null);
    }

    private Key checkResolve(String vendor, String device) {
        Answer expected = model.resolve(vendor, device);
        Resolution actual = s.engine.resolve(new ResolveRequest(vendor, device));
        String op = "resolve " + vendor + "/" + device;
        compare(op, expected, actual.outcome().name(), actual.reason(), actual.cacheVersion());
        DecisionTally.decision("resolve", expected.outcome(), expected.reason(), expected.why());
        if (actual.outcome() != Resolution.Outcome.RESOLVED) {
            note(op + " => " + expected);
            return null;
        }
        Claims claims = model.keyFor(device);
        CacheKeys.Verified verified = s.state.cacheKeys().verify(actual.cacheKey());
        String kid = actual.cacheKey().split("\\.")[1];
        boolean right = verified.check() == CacheKeys.Check.VALID && verified.claims().vendorId() == vendorId
                && verified.claims().deviceId() == rowId(model.slug, device) && verified.claims().ownerId() == claims.owner()
                && verified.claims().epoch() == claims.epoch() && verified.claims().cacheVersionId() == claims.versionId()
                && kid.equals(kids.get(model.secret));
        if (!right) {
            fail(op, "the key " + actual.cacheKey() + " (" + verified + ") does not say " + claims + " under secret "
                    + kids.get(model.secret));
        }
        Key key = new Key(actual.cacheKey(), claims, "key of " + device + " from resolve #" + step);
        keys.add(key);
        latest.put(device, key);
        if (foreignKeys.size() < 50) {
            foreignKeys.add(new Key(key.text(), key.claims(), "key of " + model.slug + "/" + device));
        }
        note(op + " => " + expected + " owner h" + household(claims.owner()) + " epoch " + claims.epoch());
        return key;
    }

    void authorize(long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        String vendor = vendor(r, 3, 3);
        String source = source(r);
        Device src = model.devices.get(source);
        Long sourceOwner = src == null ? null : src.owner;
        String targetVendor = null;
        String target;
        int t = r.nextInt(100);
        if (t < 74 && sourceOwner != null) {
            List<String> own = model.displays.values().stream().filter(d -> sourceOwner.equals(d.owner)).map(d -> d.id)
                    .toList();
            target = own.isEmpty() ? anyDisplay(r) : own.get(r.nextInt(own.size()));
        } else if (t < 86) {
            target = anyDisplay(r);
        } else if (t < 92) {
            targetVendor = model.slug;
            target = deviceId(r);
        } else if (t < 95) {
            target = "no-such-display";
        } else if (t < 98) {
            targetVendor = "no-such-vendor";
            target = deviceId(r);
        } else {
            targetVendor = model.dormantSlug;
            target = "d0";
        }
        Device tgt = targetVendor == null ? model.displays.get(target)
                : targetVendor.equals(model.slug) ? model.devices.get(target) : null;
        int q = r.nextInt(100);
        long requester = q < 85 && tgt != null && tgt.owner != null ? tgt.owner
                : q < 97 ? households.get(r.nextInt(households.size())).account() : 0;
        List<Capability> offered = List.copyOf(model.capabilities);
        Capability capability = r.nextInt(100) < 85 ? offered.get(r.nextInt(offered.size()))
                : Capability.values()[r.nextInt(Capability.values().length)];
        Key key = chooseKey(r, source);

        Answer expected = model.authorize(vendor, source, targetVendor, target, requester, capability, key.claims());
        Decision actual = s.engine.authorize(new AuthorizeRequest(vendor, source, targetVendor, target, requester,
                capability, key.text()));
        String op = "authorize " + vendor + "/" + source + " on " + (targetVendor == null ? "platform" : targetVendor)
                + "/" + target + " for " + who(requester) + " " + capability + " with " + key.how();
        compare(op, expected, actual.outcome().name(), actual.reason(), actual.cacheVersion());
        DecisionTally.decision("authorize", expected.outcome(), expected.reason(), expected.why());
        tally("authorize", null);
        String what = op + " => " + expected + " (" + expected.why() + ")";
        if (actual.reason() == DenyReason.OWNER_MISMATCH) {
            // the guard halts the rollout and, by the vendor's policy, suspends it: a change like any other
            model.violation();
            s.sync();
            what += "; violation: rollout halted" + (model.suspension != null ? ", vendor suspended " + model.suspension : "");
        }
        note(what);
    }

    /**
     * Mostly a genuine key: fresh from resolve, the latest one resolved for the device, or an earlier one of
     * it (stale or of a former owner by now); otherwise any key held (another device's), a tampered or
     * made-up one, or one of another vendor.
     */
    private Key chooseKey(RandomGenerator r, String source) {
        int k = r.nextInt(100);
        if (k < 42) {
            Key fresh = checkResolve(model.slug, source);
            if (fresh != null) {
                return new Key(fresh.text(), fresh.claims(), "a fresh key");
            }
        }
        if (k < 58 && latest.containsKey(source)) {
            Key l = latest.get(source);
            return new Key(l.text(), l.claims(), "the latest " + l.how());
        }
        List<Key> earlier = keys.stream().filter(key -> key.claims().deviceId().equals(source)).toList();
        if (k < 74 && !earlier.isEmpty()) {
            Key e = earlier.get(r.nextInt(earlier.size()));
            return new Key(e.text(), e.claims(), "an earlier " + e.how());
        }
        if (k < 84 && !keys.isEmpty()) {
            return keys.get(r.nextInt(keys.size()));
        }
        if (k < 92 && !keys.isEmpty()) {
            return tampered(keys.get(r.nextInt(keys.size())), r);
        }
        if (k >= 96 && !foreignKeys.isEmpty()) {
            Key f = foreignKeys.get(r.nextInt(foreignKeys.size()));
            return f.claims().vendor().equals(model.slug) ? f : new Key(f.text(), f.claims(), "a " + f.how());
        }
        String[] made = {null, "", "bk1.", "not-a-key", "bk1." + kids.getLast() + ".1.2.3.4.5"};
        String text = made[r.nextInt(made.length)];
        return new Key(text, null, "made-up key '" + text + "'");
    }

    /** A genuine key changed without the secret: never genuine any more. */
    private Key tampered(Key genuine, RandomGenerator r) {
        String[] parts = genuine.text().split("\\.");
        String how;
        switch (r.nextInt(4)) {
            case 0 -> {
                parts[7] = "AAAAAAAAAAAAAAAAAAAAAA";
                how = "signature replaced";
            }
            case 1 -> {
                parts[4] = String.valueOf(households.get(r.nextInt(households.size())).account());
                how = "owner rewritten";
            }
            case 2 -> {
                parts[5] = String.valueOf(Integer.parseInt(parts[5]) + 1);
                how = "epoch rewritten";
            }
            default -> {
                parts[1] = "k999999";
                how = "unknown secret named";
            }
        }
        String text = String.join(".", parts);
        // rewriting the owner to the same owner changes nothing: still genuine
        return new Key(text, text.equals(genuine.text()) ? genuine.claims() : null, genuine.how() + ", " + how);
    }

    private void compare(String op, Answer expected, String outcome, DenyReason reason, DecisionState.Version version) {
        boolean sameVersion = expected.version() == null ? version == null
                : version != null && version.id() == expected.version().id()
                && version.label().equals(expected.version().label());
        if (!expected.outcome().equals(outcome) || expected.reason() != reason || !sameVersion) {
            fail(op, "model:  " + expected + " (" + expected.why() + ")\nengine: " + outcome
                    + (reason == null ? "" : " " + reason) + " @" + (version == null ? "none" : version.label()));
        }
    }

    // --- links and devices -------------------------------------------------------------------------

    boolean hasLiveLink() {
        return model.links.values().stream().anyMatch(l -> l.live);
    }

    boolean hasLinkedDevice() {
        return model.devices.values().stream().anyMatch(d -> d.owner != null && d.link != null);
    }

    void link(long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        Household h = households.get(r.nextInt(households.size()));
        String external = "x" + r.nextInt(households.size() + 2);
        if (model.suspension != null) {
            // only an active vendor can be linked
            refused("link", "vendor-not-linkable", () -> s.as(h.email(), () -> s.links.startLink(vendorId)));
            note("link h" + h.index() + " " + external + " refused: vendor suspended");
            return;
        }
        linkAs(h, external);
    }

    private Link linkAs(Household h, String external) {
        LinkOutcome outcome = model.linkOutcome(h.account(), external);
        String code = s.as(h.email(), () -> s.links.startLink(vendorId).code());
        if (outcome == LinkOutcome.REFUSED) {
            refused("link", "account-already-linked",
                    () -> s.asVendor(cloud, () -> s.partnerLinks.completeLink(vendorId, code, external)));
            note("link h" + h.index() + " " + external + " refused: linked live elsewhere");
            return null;
        }
        LinkCompleted done = s.asVendor(cloud, () -> s.partnerLinks.completeLink(vendorId, code, external));
        Link link = model.linked(h.account(), external, done.linkId());
        if (done.linkId() != link.id || done.epoch() != link.epoch || done.relinked() != (outcome == LinkOutcome.RELINKED)) {
            fail("link h" + h.index() + " " + external, "the service answered " + done + ", the model has " + link
                    + " " + outcome);
        }
        s.sync();
        tally("link", null);
        note("link h" + h.index() + " " + external + ": " + outcome + " " + link);
        return link;
    }

    void unlink(long seed) {
        List<Link> live = model.links.values().stream().filter(l -> l.live).toList();
        if (live.isEmpty()) {
            skipped("unlink");
            return;
        }
        Link link = live.get(new SplittableRandom(seed).nextInt(live.size()));
        s.as(households.get(household(link.account)).email(), () -> s.unlinks.unlink(link.id));
        model.unlinked(link);
        s.sync();
        tally("unlink", null);
        note("unlink h" + household(link.account) + " " + link);
    }

    void unlinkDevice(long seed) {
        List<Device> linked = model.devices.values().stream()
                .filter(d -> d.owner != null && d.link != null && !d.state.equals("REMOVED")).toList();
        if (linked.isEmpty()) {
            skipped("unlink device");
            return;
        }
        Device d = linked.get(new SplittableRandom(seed).nextInt(linked.size()));
        long row = rowId(model.slug, d.id);
        s.as(households.get(household(d.owner)).email(), () -> s.unlinks.unlinkDevice(row));
        String was = d.toString();
        model.deviceUnlinked(d);
        s.sync();
        tally("unlink device", null);
        note("unlink device " + was);
    }

    void sync(long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        List<Link> live = model.links.values().stream().filter(l -> l.live).toList();
        if (live.isEmpty()) {
            skipped("sync");
            return;
        }
        Link link = live.get(r.nextInt(live.size()));
        List<Item> items = new ArrayList<>();
        for (Device d : model.devices.values()) {
            if (d.link == link && Objects.equals(d.owner, link.account) && !d.state.equals("REMOVED") && r.nextInt(4) > 0) {
                items.add(r.nextInt(10) == 0 ? item(d.id, r.nextInt(1000)) : new Item(d.id, d.name));
            }
        }
        for (int n = r.nextInt(3); n > 0; n--) {
            String id = deviceId(r);
            if (items.stream().noneMatch(i -> i.id().equals(id))) {
                Device known = model.devices.get(id);
                items.add(known == null ? item(id, 0) : new Item(id, known.name));
            }
        }
        syncLink(link, items);
    }

    private void syncLink(Link link, List<Item> items) {
        List<DeviceItem> sent = items.stream()
                .map(i -> new DeviceItem(i.id(), Integer.parseInt(i.id().substring(1)) >= 10 ? "DISPLAY" : "CAMERA", i.name()))
                .toList();
        SyncResult actual = s.asVendor(cloud, () -> s.partnerLinks.syncDevices(vendorId, link.external, sent));
        Synced expected = model.synced(link, items);
        Synced got = new Synced(sorted(actual.added()), sorted(actual.updated()), sorted(actual.moved()),
                sorted(actual.removed()), actual.unchanged(), sorted(actual.skipped()));
        Synced want = new Synced(sorted(expected.added()), sorted(expected.updated()), sorted(expected.moved()),
                sorted(expected.removed()), expected.unchanged(), sorted(expected.skipped()));
        if (!got.equals(want)) {
            fail("sync " + link + " " + items, "the service answered " + got + ", the model expected " + want);
        }
        s.sync();
        tally("sync", null);
        if (!want.moved().isEmpty() && !settingUp) {
            DecisionTally.count("op sync moved a device");
        }
        note("sync h" + household(link.account) + " " + link.external + " " + items.stream().map(Item::id).toList()
                + ": " + want);
    }

    void transfer(long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        List<Device> candidates = new ArrayList<>();
        model.devices.values().stream().filter(d -> !d.state.equals("REMOVED")).forEach(candidates::add);
        model.displays.values().stream().filter(d -> r.nextInt(4) == 0).forEach(candidates::add);
        if (candidates.isEmpty()) {
            skipped("transfer");
            return;
        }
        Device d = candidates.get(r.nextInt(candidates.size()));
        List<Household> others = households.stream().filter(h -> !Objects.equals(d.owner, h.account())).toList();
        Household to = others.get(r.nextInt(others.size()));
        long row = rowId(d.platform ? null : model.slug, d.id);
        s.admin(() -> s.devices.transfer(row, to.email(), "property test: handed on"));
        String was = d.toString();
        model.transferred(d, to.account());
        s.sync();
        tally("transfer", null);
        note("transfer " + was + " to h" + to.index());
    }

    /**
     * The household turns a device off, or one of its turned-off devices on again (more often: devices are
     * mostly on). No service offers this yet, so the row is changed as the portal would.
     */
    void toggle(long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        List<Device> candidates = new ArrayList<>();
        model.devices.values().stream().filter(d -> !d.state.equals("REMOVED")).forEach(candidates::add);
        model.displays.values().stream().filter(d -> r.nextInt(3) == 0).forEach(candidates::add);
        List<Device> off = candidates.stream().filter(d -> d.state.equals("DISABLED")).toList();
        List<Device> on = candidates.stream().filter(d -> d.state.equals("ACTIVE")).toList();
        if (candidates.isEmpty()) {
            skipped("disable or enable");
            return;
        }
        Device d = !off.isEmpty() && (on.isEmpty() || r.nextInt(100) < 60) ? off.get(r.nextInt(off.size()))
                : on.get(r.nextInt(on.size()));
        String next = d.state.equals("ACTIVE") ? "DISABLED" : "ACTIVE";
        s.jdbc.update("update device set state = ?, updated_at = now(), version = version + 1 where id = ?", next,
                rowId(d.platform ? null : model.slug, d.id));
        model.toggled(d);
        s.sync();
        tally("disable or enable", null);
        note("set " + d.id + " " + next);
    }

    // --- the vendor: suspension, rollouts, secrets ---------------------------------------------------

    void suspend(long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        SuspensionReason reason = SuspensionReason.values()[r.nextInt(SuspensionReason.values().length)];
        boolean all = r.nextBoolean();
        Set<Capability> scope = EnumSet.noneOf(Capability.class);
        if (!all) {
            List<Capability> offered = List.copyOf(model.capabilities);
            scope.add(offered.get(r.nextInt(offered.size())));
            offered.stream().filter(c -> r.nextInt(3) == 0).forEach(scope::add);
        }
        SuspendCommand command = new SuspendCommand(vendorId, s.vendorVersion(vendorId), all, all ? null : scope, reason,
                "property test", null, model.slug);
        if (model.suspension != null) {
            refused("suspend", "illegal-status-change", () -> s.admin(() -> s.suspensions.suspend(command)));
            note("suspend refused: already suspended");
            return;
        }
        s.admin(() -> s.suspensions.suspend(command));
        model.suspended(all ? model.capabilities : scope, reason);
        s.sync();
        tally("suspend", null);
        note("suspend " + (all ? "all" : scope) + " for " + reason);
    }

    void resume(long seed) {
        if (model.suspension == null) {
            refused("resume", "not-suspended",
                    () -> s.admin(() -> s.suspensions.requestResume(vendorId, s.vendorVersion(vendorId))));
            note("resume refused: not suspended");
            return;
        }
        boolean requested = model.suspension.resumeRequested();
        boolean resumed = true;
        if (requested) {
            s.secondAdmin(() -> s.suspensions.approveResume(vendorId, s.vendorVersion(vendorId)));
        } else {
            resumed = s.admin(() -> s.suspensions.requestResume(vendorId, s.vendorVersion(vendorId)));
        }
        if (resumed != model.resumeStep()) {
            fail("resume", "the service " + (resumed ? "resumed" : "only recorded the request") + ", the model did not");
        }
        s.sync();
        tally("resume", null);
        note(resumed ? "resume: vendor active" : "resume requested: a second admin must approve");
    }

    void rolloutStart(long seed) {
        if (model.suspension != null || model.rollout != null) {
            skipped("rollout start");
            return;
        }
        List<Integer> stages = PLANS.get(new SplittableRandom(seed).nextInt(PLANS.size()));
        String label = "2." + ++versions;
        long to = s.admin(() -> s.cacheVersions.register(vendorId, new NewCacheVersion(label, null, null)));
        long id = s.admin(() -> {
            long created = s.rollouts.create(new NewRollout(vendorId, to, new StagePlan(stages), 600, 100,
                    new BigDecimal("0.05"), 600));
            s.rollouts.submit(created);
            return created;
        });
        s.secondAdmin(() -> s.rollouts.approve(id));
        String salt = s.admin(() -> {
            s.rollouts.start(id);
            return s.rollouts.detail(id).salt();
        });
        model.rolloutStarted(id, salt, stages, new Version(to, label));
        s.sync();
        tally("rollout start", null);
        note("rollout of " + label + " started, stages " + stages);
    }

    void rolloutAdvance(long seed) {
        if (model.rollout == null || model.rollout.paused() || model.suspension != null) {
            skipped("rollout advance");
            return;
        }
        RolloutState state = s.admin(() -> s.rollouts.advance(model.rollout.id()));
        boolean completed = model.advanced();
        if ((state == RolloutState.COMPLETED) != completed) {
            fail("rollout advance", "the service says " + state + ", the model " + (completed ? "completed" : "advanced"));
        }
        s.sync();
        tally("rollout advance", null);
        note(completed ? "rollout completed: stable is " + model.stable.label() : "rollout at " + model.rollout.percent() + " %");
    }

    void rolloutHalt(long seed) {
        if (model.rollout == null) {
            skipped("rollout halt");
            return;
        }
        long id = model.rollout.id();
        s.admin(() -> s.rollouts.haltAndRollBack(id, "property test", model.slug));
        model.halted();
        s.sync();
        tally("rollout halt", null);
        note("rollout halted and rolled back");
    }

    void rolloutPauseOrResume(long seed) {
        if (model.rollout == null || model.rollout.paused() && model.suspension != null) {
            skipped("rollout pause or resume");
            return;
        }
        long id = model.rollout.id();
        boolean pause = !model.rollout.paused();
        if (pause) {
            s.admin(() -> s.rollouts.pause(id, "property test"));
        } else {
            s.admin(() -> s.rollouts.resume(id));
        }
        model.rolloutPaused(pause);
        s.sync();
        tally("rollout pause or resume", null);
        note(pause ? "rollout paused" : "rollout resumed");
    }

    void rotateSecret(long seed) {
        String kid = s.admin(() -> s.secrets.rotate());
        kids.add(kid);
        model.rotated();
        s.sync();
        tally("rotate secret", null);
        note("signing secret rotated: " + kid + " signs");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static Item item(String id, int name) {
        return new Item(id, (Integer.parseInt(id.substring(1)) >= 10 ? "Screen " : "Camera ") + id
                + (name == 0 ? "" : " " + name));
    }

    private String vendor(RandomGenerator r, int dormantPercent, int unknownPercent) {
        int v = r.nextInt(100);
        return v < dormantPercent ? model.dormantSlug : v < dormantPercent + unknownPercent ? "no-such-vendor" : model.slug;
    }

    private String source(RandomGenerator r) {
        int pick = r.nextInt(100);
        List<String> owned = model.devices.values().stream().filter(d -> d.owner != null && !d.state.equals("REMOVED"))
                .map(d -> d.id).toList();
        if (pick < 70 && !owned.isEmpty()) {
            return owned.get(r.nextInt(owned.size()));
        }
        return pick < 93 ? deviceId(r) : pick < 97 ? "ghost-" + r.nextInt(3) : anyDisplay(r);
    }

    private static String deviceId(RandomGenerator r) {
        return "d" + r.nextInt(DEVICE_IDS);
    }

    private String anyDisplay(RandomGenerator r) {
        List<String> all = List.copyOf(model.displays.keySet());
        return all.get(r.nextInt(all.size()));
    }

    private long rowId(String vendorSlug, String deviceId) {
        return rowIds.computeIfAbsent(vendorSlug + "/" + deviceId, k -> vendorSlug == null
                ? s.jdbc.queryForObject("select id from device where vendor_id is null and vendor_device_id = ?", Long.class,
                deviceId)
                : s.jdbc.queryForObject("select id from device where vendor_id = ? and vendor_device_id = ?", Long.class,
                vendorId, deviceId));
    }

    private int household(long account) {
        return households.stream().filter(h -> h.account() == account).findFirst().map(Household::index).orElse(-1);
    }

    private String who(long account) {
        int h = household(account);
        return h < 0 ? "account " + account : "h" + h;
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }

    private void refused(String operation, String type, Supplier<?> call) {
        try {
            call.get();
        } catch (DomainException e) {
            if (e.type().equals(type)) {
                tally(operation, "refused");
                return;
            }
            fail(operation, "refused with " + e.type() + " (" + e.getMessage() + "), the model expected " + type);
        }
        fail(operation, "done, the model expected it refused with " + type);
    }

    /** Counts an operation of the sequence (the world's set-up is not one). */
    private void tally(String kind, String how) {
        if (!settingUp) {
            DecisionTally.operation(kind, how);
        }
    }

    private void skipped(String operation) {
        tally(operation, "skipped");
        note(operation + ": nothing to do");
    }

    private void note(String what) {
        trail.add("#" + ++step + " " + what);
    }

    private void fail(String operation, String difference) {
        List<String> recent = trail.subList(Math.max(0, trail.size() - TRAIL), trail.size());
        throw new AssertionError("The application differs from the model at operation #" + (step + 1) + " of "
                + model.slug + ":\n  " + operation + "\n  " + difference.replace("\n", "\n  ")
                + "\nThe model before it:\n  " + model.describe().replace("\n", "\n  ")
                + "\nHouseholds: " + households.stream().map(h -> "h" + h.index() + "=" + h.account())
                .collect(Collectors.joining(", "))
                + "\nWhat happened before (" + (trail.size() - recent.size()) + " earlier left out):\n  "
                + String.join("\n  ", recent));
    }
}
