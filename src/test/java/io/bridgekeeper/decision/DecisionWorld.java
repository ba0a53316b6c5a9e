package io.bridgekeeper.decision;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.compatibility.RevocationReach;
import io.bridgekeeper.decision.DecisionModel.Answer;
import io.bridgekeeper.decision.DecisionModel.Certification;
import io.bridgekeeper.decision.DecisionModel.Claims;
import io.bridgekeeper.decision.DecisionModel.Device;
import io.bridgekeeper.decision.DecisionModel.Item;
import io.bridgekeeper.decision.DecisionModel.Link;
import io.bridgekeeper.decision.DecisionModel.LinkOutcome;
import io.bridgekeeper.decision.DecisionModel.Synced;
import io.bridgekeeper.decision.DecisionModel.Version;
import io.bridgekeeper.decision.DecisionOp.Authorize;
import io.bridgekeeper.decision.DecisionOp.KeyChoice;
import io.bridgekeeper.decision.DecisionOp.VendorRef;
import io.bridgekeeper.device.DeviceItem;
import io.bridgekeeper.device.SyncResult;
import io.bridgekeeper.link.LinkCompletion;
import io.bridgekeeper.rollout.NewCacheVersion;
import io.bridgekeeper.rollout.NewRollout;
import io.bridgekeeper.rollout.RolloutState;
import io.bridgekeeper.rollout.StagePlan;
import io.bridgekeeper.vendor.SuspendCommand;
import io.bridgekeeper.vendor.VendorKeyPrincipal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One try's world: the real application (its services and the decision engine) and the
 * {@link DecisionModel} side by side. Every operation ({@link DecisionOp}, planned by
 * {@link DecisionPlanner}) is applied to both; every decision is asked of both and must be equal. Names in
 * operations are symbolic (h1, h1-display0, d3, x2) and mapped to this world's rows here.
 */
final class DecisionWorld {

    /** A household (an account of its own) and its platform displays (h1-display0, ...). */
    record Household(int index, long account, String email, List<String> displays) {
    }

    /** A cache key the test holds, with what the model knows it says ({@code claims} null: not genuine). */
    record Key(String text, Claims claims, String how) {
    }

    /** The application and the model disagree; {@code kind} tells one disagreement from another. */
    static final class Mismatch extends AssertionError {
        final String kind;

        Mismatch(String kind, String message) {
            super(message);
            this.kind = kind;
        }
    }

    private static final int TRAIL = 150;
    /** The surfaces of the world's platform displays, in the order they are made: alternating, some without one. */
    private static final List<String> DISPLAY_SURFACES = java.util.Arrays.asList("smart-display", "speaker-screen", null);

    private final DecisionWorlds s;
    final DecisionModel model;
    private final long vendorId;
    private final VendorKeyPrincipal cloud;
    private final List<String> kids = new ArrayList<>();
    final List<Household> households = new ArrayList<>();
    private final Map<String, Long> rowIds = new HashMap<>();
    /** The vendor's registered models: code to row id. */
    private final Map<String, Long> modelIds = new HashMap<>();
    private int displaysMade;
    /** Every genuine key resolve gave in this world, in order. */
    final List<Key> keys = new ArrayList<>();
    final List<Key> foreignKeys;
    private final List<String> trail = new ArrayList<>();
    private final List<DecisionOp> ran = new ArrayList<>();
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

    /**
     * A household with its platform displays (the platform's own devices: no service creates them), each on a
     * surface in turn: a smart display, a speaker with a screen, none.
     */
    void addHousehold(long account, String email, int displays) {
        Household h = new Household(households.size(), account, email, new ArrayList<>());
        for (int i = 0; i < displays; i++) {
            String name = "h" + h.index() + "-display" + i;
            String surface = DISPLAY_SURFACES.get(displaysMade++ % DISPLAY_SURFACES.size());
            s.jdbc.update("""
                    insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, state, owner_since,
                                        surface_code)
                    values (null, ?, 'DISPLAY', ?, ?, 'ACTIVE', now(), ?)""", platformId(name), "Display " + i, account,
                    surface);
            h.displays().add(name);
            Device display = new Device(name, true, account, null, "Display " + i);
            display.surface = surface;
            model.displays.put(name, display);
        }
        households.add(h);
    }

    /** A model the vendor registered, and the surfaces an admin certified it on (for the stable version). */
    void addModel(String code, long id, List<String> certifiedOn) {
        modelIds.put(code, id);
        for (String surface : certifiedOn) {
            Certification c = new Certification(code, surface);
            model.certified(c, model.stable.label());
            model.certifications.put(DecisionModel.pair(code, surface), c);
        }
    }

    /** Each household links a vendor account of its own (x0, x1, ...) and the vendor syncs devices into it. */
    void populate(List<List<Item>> devices) {
        settingUp = true;
        for (Household h : households) {
            run(new DecisionOp.Link(h.index(), "x" + h.index()));
            run(new DecisionOp.Sync(h.index(), "x" + h.index(), devices.get(h.index())));
        }
        settingUp = false;
    }

    /** The operations of the sequence run so far (not the set-up), the last one possibly the failing one. */
    List<DecisionOp> ran() {
        return List.copyOf(ran);
    }

    void run(DecisionOp op) {
        if (!settingUp) {
            ran.add(op);
        }
        switch (op) {
            case DecisionOp.Resolve r -> resolve(r);
            case Authorize a -> authorize(a);
            case DecisionOp.Link l -> link(l);
            case DecisionOp.Unlink u -> unlink(u);
            case DecisionOp.RefreshRefused rr -> refreshRefused(rr);
            case DecisionOp.UnlinkDevice u -> unlinkDevice(u);
            case DecisionOp.Sync sync -> sync(sync);
            case DecisionOp.Transfer t -> transfer(t);
            case DecisionOp.Toggle t -> toggle(t);
            case DecisionOp.Suspend su -> suspend(su);
            case DecisionOp.Resume r -> resume();
            case DecisionOp.RolloutStart r -> rolloutStart(r);
            case DecisionOp.RolloutAdvance r -> rolloutAdvance();
            case DecisionOp.RolloutHalt r -> rolloutHalt();
            case DecisionOp.RolloutPause p -> rolloutPause(p);
            case DecisionOp.RotateSecret r -> rotateSecret();
            case DecisionOp.Revoke r -> revoke(r);
            case DecisionOp.Certify c -> certify(c);
        }
    }

    // --- decisions ---------------------------------------------------------------------------------

    private void resolve(DecisionOp.Resolve op) {
        checkResolve(slug(op.vendor()), op.device());
        tally("resolve", null);
    }

    private Key checkResolve(String vendor, String device) {
        // the rollout's bucket is computed on the id as asked: a platform display's real id
        String asked = platformOrVendorId(device);
        Answer expected = model.resolve(vendor, asked);
        Resolution actual = s.engine.resolve(new ResolveRequest(vendor, asked));
        String op = "resolve " + device + (vendor.equals(model.slug) ? "" : " of " + vendor);
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
                && verified.claims().deviceId() == rowId(false, device) && verified.claims().ownerId() == claims.owner()
                && verified.claims().epoch() == claims.epoch() && verified.claims().cacheVersionId() == claims.versionId()
                && kid.equals(kids.get(model.secret));
        if (!right) {
            fail(op, "the key " + actual.cacheKey() + " (" + verified + ") does not say " + claims + " under secret "
                    + kids.get(model.secret));
        }
        note(op + " => " + expected + ", key of " + who(claims.owner()) + " at epoch " + claims.epoch());
        Key key = new Key(actual.cacheKey(), claims, "key of " + device + " from #" + step);
        keys.add(key);
        if (foreignKeys.size() < 50) {
            foreignKeys.add(new Key(key.text(), key.claims(), "key of " + model.slug + "/" + device));
        }
        return key;
    }

    private void authorize(Authorize op) {
        String vendor = slug(op.vendor());
        String targetVendor = op.targetVendor() == null ? null : slug(op.targetVendor());
        long requester = op.requester() >= 0 && op.requester() < households.size()
                ? households.get(op.requester()).account() : 0;
        Key key = key(op.key(), op.source());
        String source = platformOrVendorId(op.source());
        Answer expected = model.authorize(vendor, source, targetVendor, op.target(), requester, op.capability(),
                key.claims());
        Decision actual = s.engine.authorize(new AuthorizeRequest(vendor, source, targetVendor,
                targetVendor == null ? platformId(op.target()) : op.target(), requester, op.capability(), key.text()));
        String what = "authorize " + op.source() + (vendor.equals(model.slug) ? "" : " of " + vendor) + " on "
                + op.target() + (targetVendor == null ? "" : " of " + targetVendor) + " for " + who(requester) + ", "
                + op.capability() + ", with " + key.how();
        compare(what, expected, actual.outcome().name(), actual.reason(), actual.cacheVersion());
        DecisionTally.decision("authorize", expected.outcome(), expected.reason(), expected.why());
        tally("authorize", null);
        what += " => " + expected + " (" + expected.why() + ")";
        if (actual.reason() == DenyReason.OWNER_MISMATCH) {
            // the guard halts the rollout and, by the vendor's policy, suspends it: a change like any other
            model.violation(expected);
            s.sync();
            what += "; violation: rollout halted" + (model.suspension != null ? ", vendor suspended " + model.suspension : "");
        }
        note(what);
    }

    /** The key the choice names in this world now; none held is a missing key (not genuine). */
    private Key key(KeyChoice choice, String source) {
        List<Key> ofDevice = keys.stream().filter(k -> k.claims().deviceId().equals(choice.device())).toList();
        Key chosen = switch (choice.kind()) {
            case FRESH -> {
                Key fresh = checkResolve(model.slug, source);
                yield fresh == null ? null : new Key(fresh.text(), fresh.claims(), "the key just resolved");
            }
            case LATEST, OTHER_DEVICE -> ofDevice.isEmpty() ? null : labelled(ofDevice.getLast(), "the latest ");
            case EARLIER -> ofDevice.isEmpty() ? null
                    : labelled(ofDevice.get(Math.min(choice.index(), ofDevice.size() - 1)), "earlier ");
            case TAMPERED -> ofDevice.isEmpty() ? null : tampered(ofDevice.getLast(), choice.index());
            case MADE_UP -> {
                String[] made = {null, "", "bk1.", "not-a-key", "bk1." + kids.getLast() + ".1.2.3.4.5"};
                String text = made[choice.index() % made.length];
                yield new Key(text, null, "made-up key '" + text + "'");
            }
            case FOREIGN -> foreignKeys.isEmpty() ? null
                    : labelled(foreignKeys.get(choice.index() % foreignKeys.size()), "");
        };
        return chosen != null ? chosen : new Key(null, null, "no key (none held for " + choice + ")");
    }

    private static Key labelled(Key key, String prefix) {
        return new Key(key.text(), key.claims(), prefix + key.how());
    }

    /** A genuine key changed without the secret: never genuine any more. */
    private Key tampered(Key genuine, int variant) {
        String[] parts = genuine.text().split("\\.");
        String how;
        switch (variant % 4) {
            case 0 -> {
                parts[7] = "AAAAAAAAAAAAAAAAAAAAAA";
                how = "signature replaced";
            }
            case 1 -> {
                parts[4] = String.valueOf(households.get(variant / 4 % households.size()).account());
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
        if (text.equals(genuine.text())) {
            // the owner rewritten to the owner it names: nothing changed, still genuine
            return new Key(text, genuine.claims(), genuine.how() + " (its owner rewritten to itself: unchanged)");
        }
        return new Key(text, null, genuine.how() + ", " + how);
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

    private void link(DecisionOp.Link op) {
        Household h = household(op.household());
        if (h == null || model.suspension != null) {
            skipped("link", op);
            return;
        }
        LinkOutcome outcome = model.linkOutcome(h.account(), op.external());
        String code = s.as(h.email(), () -> s.links.startLink(vendorId).code());
        if (outcome == LinkOutcome.REFUSED) {
            refused("link", "account-already-linked",
                    () -> s.asVendor(cloud, () -> s.partnerLinks.completeLink(vendorId, code, op.external())));
            note(op + ": refused, linked live elsewhere");
            return;
        }
        LinkCompletion done = s.asVendor(cloud, () -> s.partnerLinks.completeLink(vendorId, code, op.external()));
        Link link = model.linked(h.account(), op.external(), done.linkId());
        if (done.linkId() != link.id || done.epoch() != link.epoch || done.relinked() != (outcome == LinkOutcome.RELINKED)) {
            fail(op.toString(), "the service answered " + done + ", the model has " + link + " " + outcome);
        }
        s.sync();
        tally("link", null);
        note(op + ": " + outcome + " " + link);
    }

    private void unlink(DecisionOp.Unlink op) {
        Household h = household(op.household());
        Link link = h == null ? null : model.links.get(h.account() + "/" + op.external());
        if (link == null || !link.live) {
            skipped("unlink", op);
            return;
        }
        s.as(h.email(), () -> s.unlinks.unlink(link.id));
        model.unlinked(link);
        s.sync();
        tally("unlink", null);
        note(op + ": " + link);
    }

    /** The vendor refuses the link's refresh: it needs re-linking until unlinked and linked again. */
    private void refreshRefused(DecisionOp.RefreshRefused op) {
        Household h = household(op.household());
        Link link = h == null ? null : model.links.get(h.account() + "/" + op.external());
        if (link == null || !link.live || link.needsRelink) {
            skipped("vendor refuses refresh", op);
            return;
        }
        s.refusals.refuseRefresh(link.id);
        link.needsRelink = true;
        s.sync();
        tally("vendor refuses refresh", null);
        note(op + ": " + link);
    }

    private void unlinkDevice(DecisionOp.UnlinkDevice op) {
        Device d = model.devices.get(op.device());
        if (d == null || d.owner == null || d.link == null || d.state.equals("REMOVED")) {
            skipped("unlink device", op);
            return;
        }
        long row = rowId(false, d.id);
        String was = d.toString();
        s.as(owner(d).email(), () -> s.unlinks.unlinkDevice(row));
        model.deviceUnlinked(d);
        s.sync();
        tally("unlink device", null);
        note(op + ": " + was + ", link epoch moves");
    }

    private void sync(DecisionOp.Sync op) {
        Household h = household(op.household());
        Link link = h == null ? null : model.links.get(h.account() + "/" + op.external());
        if (link == null || !link.live) {
            skipped("sync", op);
            return;
        }
        List<DeviceItem> sent = op.items().stream()
                .map(i -> new DeviceItem(i.id(), DecisionPlanner.kind(i.id()), i.name(), i.model())).toList();
        SyncResult actual = s.asVendor(cloud, () -> s.partnerLinks.syncDevices(vendorId, link.external, sent));
        Synced expected = model.synced(link, op.items());
        Synced got = new Synced(sorted(actual.added()), sorted(actual.updated()), sorted(actual.moved()),
                sorted(actual.removed()), actual.unchanged(), sorted(actual.skipped()), sorted(actual.pendingConfirmation()));
        Synced want = new Synced(sorted(expected.added()), sorted(expected.updated()), sorted(expected.moved()),
                sorted(expected.removed()), expected.unchanged(), sorted(expected.skipped()),
                sorted(expected.pendingConfirmation()));
        if (!got.equals(want)) {
            fail(op.toString(), "the service answered " + got + ", the model expected " + want);
        }
        s.sync();
        tally("sync", null);
        if (!want.moved().isEmpty() && !settingUp) {
            DecisionTally.count("op sync moved a device");
        }
        note(op + ": " + want);
    }

    private void transfer(DecisionOp.Transfer op) {
        boolean platform = model.displays.containsKey(op.device());
        Device d = platform ? model.displays.get(op.device()) : model.devices.get(op.device());
        Household to = household(op.household());
        if (d == null || to == null || d.state.equals("REMOVED") || Objects.equals(d.owner, to.account())) {
            skipped("transfer", op);
            return;
        }
        long row = rowId(platform, d.id);
        String was = d.toString();
        s.admin(() -> s.devices.transfer(row, to.email(), "property test: handed on"));
        model.transferred(d, to.account());
        s.sync();
        tally("transfer", null);
        note(op + ": was " + was);
    }

    /** The household that owns the device turns it off or on, as in My home. */
    private void toggle(DecisionOp.Toggle op) {
        boolean platform = model.displays.containsKey(op.device());
        Device d = platform ? model.displays.get(op.device()) : model.devices.get(op.device());
        if (d == null || d.owner == null || d.state.equals("REMOVED") || d.state.equals(op.state())) {
            skipped("disable or enable", op);
            return;
        }
        long row = rowId(platform, d.id);
        boolean on = op.state().equals("ACTIVE");
        s.as(owner(d).email(), () -> {
            if (on) {
                s.devices.enableMine(row);
            } else {
                s.devices.disableMine(row);
            }
            return null;
        });
        model.toggled(d, on);
        s.sync();
        tally("disable or enable", null);
        note(op.toString());
    }

    // --- the vendor: suspension, rollouts, secrets ---------------------------------------------------

    private void suspend(DecisionOp.Suspend op) {
        if (model.suspension != null || !model.capabilities.containsAll(op.scope())) {
            skipped("suspend", op);
            return;
        }
        s.admin(() -> s.suspensions.suspend(new SuspendCommand(vendorId, s.vendorVersion(vendorId), op.all(),
                op.all() ? null : op.scope(), op.reason(), "property test", null, model.slug)));
        model.suspended(op.all() ? model.capabilities : op.scope(), op.reason());
        s.sync();
        tally("suspend", null);
        note(op.toString());
    }

    private void resume() {
        if (model.suspension == null) {
            skipped("resume", new DecisionOp.Resume());
            return;
        }
        boolean resumed = true;
        if (model.suspension.resumeRequested()) {
            s.secondAdmin(() -> s.suspensions.approveResume(vendorId, s.vendorVersion(vendorId), "checked the fix"));
        } else {
            resumed = s.admin(() -> s.suspensions.requestResume(vendorId, s.vendorVersion(vendorId), "the fault is fixed"));
        }
        if (resumed != model.resumeStep()) {
            fail("resume", "the service " + (resumed ? "resumed" : "only recorded the request") + ", the model did not");
        }
        s.sync();
        tally("resume", null);
        note(resumed ? "resume: the vendor is active" : "resume requested: a second admin must approve");
    }

    private void rolloutStart(DecisionOp.RolloutStart op) {
        if (model.suspension != null || model.rollout != null) {
            skipped("rollout start", op);
            return;
        }
        String label = "2." + ++versions;
        long to = s.admin(() -> s.cacheVersions.register(vendorId, new NewCacheVersion(label, null, null)));
        long id = s.admin(() -> {
            long created = s.rollouts.create(new NewRollout(vendorId, to, new StagePlan(op.stages()), 600, 100,
                    new BigDecimal("0.05"), 600));
            s.rollouts.submit(created);
            return created;
        });
        s.secondAdmin(() -> s.rollouts.approve(id, "canary stage looked healthy"));
        String salt = s.admin(() -> {
            s.rollouts.start(id);
            return s.rollouts.detail(id).salt();
        });
        model.rolloutStarted(id, salt, op.stages(), new Version(to, label));
        s.sync();
        tally("rollout start", null);
        note("rollout of " + label + " started, stages " + op.stages() + ", salt " + salt);
    }

    private void rolloutAdvance() {
        if (model.rollout == null || model.rollout.paused() || model.suspension != null) {
            skipped("rollout advance", new DecisionOp.RolloutAdvance());
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

    private void rolloutHalt() {
        if (model.rollout == null) {
            skipped("rollout halt", new DecisionOp.RolloutHalt());
            return;
        }
        long id = model.rollout.id();
        s.admin(() -> s.rollouts.haltAndRollBack(id, "property test", model.slug));
        model.halted();
        s.sync();
        tally("rollout halt", null);
        note("rollout halted and rolled back");
    }

    private void rolloutPause(DecisionOp.RolloutPause op) {
        if (model.rollout == null || model.rollout.paused() == op.pause() || !op.pause() && model.suspension != null) {
            skipped("rollout pause or resume", op);
            return;
        }
        long id = model.rollout.id();
        if (op.pause()) {
            s.admin(() -> s.rollouts.pause(id, "property test"));
        } else {
            s.admin(() -> s.rollouts.resume(id));
        }
        model.rolloutPaused(op.pause());
        s.sync();
        tally("rollout pause or resume", null);
        note(op.toString());
    }

    // --- certifications -----------------------------------------------------------------------------

    /** An admin revokes a certified pair; revoking one that is revoked (or was never certified) does not apply. */
    private void revoke(DecisionOp.Revoke op) {
        Certification c = model.certifications.get(DecisionModel.pair(op.model(), op.surface()));
        if (c == null || !DecisionModel.revocable(c)) {
            skipped("revoke certification", op);
            return;
        }
        long id = modelIds.get(op.model());
        RevocationReach reach = s.admin(() -> s.compatibility.revoke(id, op.surface(), "property test: fails there"));
        model.revoked(c);
        s.sync();
        tally("revoke certification", null);
        note(op + ": suspended, " + reach);
    }

    /** An admin certifies the pair for the stable version, lifting its suspension; what is certified for it already does not apply. */
    private void certify(DecisionOp.Certify op) {
        Certification c = model.certifications.get(DecisionModel.pair(op.model(), op.surface()));
        String label = model.stable.label();
        if (c == null || !DecisionModel.certifiable(c, label)) {
            skipped("certify", op);
            return;
        }
        long id = modelIds.get(op.model());
        boolean lifts = c.suspended;
        s.admin(() -> s.compatibility.certify(id, op.surface(), label));
        model.certified(c, label);
        s.sync();
        tally("certify", null);
        if (lifts && !settingUp) {
            DecisionTally.count("op certify lifted a suspension");
        }
        note(op + ": " + c + (lifts ? ", suspension lifted" : ""));
    }

    private void rotateSecret() {
        String kid = s.admin(() -> s.secrets.rotate());
        kids.add(kid);
        model.rotated();
        s.sync();
        tally("rotate secret", null);
        note("signing secret rotated: " + kid + " signs");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private String slug(VendorRef vendor) {
        return switch (vendor) {
            case VENDOR -> model.slug;
            case DORMANT -> model.dormantSlug;
            case UNKNOWN -> "no-such-vendor";
        };
    }

    /** A platform display's id in this world (ids are unique across worlds). */
    private String platformId(String display) {
        return model.slug + "-" + display;
    }

    /** What resolve is asked about: the vendor's device id, or (wrongly) a platform display's. */
    private String platformOrVendorId(String device) {
        return model.displays.containsKey(device) ? platformId(device) : device;
    }

    private long rowId(boolean platform, String device) {
        return rowIds.computeIfAbsent((platform ? "platform/" : "vendor/") + device, k -> platform
                ? s.jdbc.queryForObject("select id from device where vendor_id is null and vendor_device_id = ?", Long.class,
                platformId(device))
                : s.jdbc.queryForObject("select id from device where vendor_id = ? and vendor_device_id = ?", Long.class,
                vendorId, device));
    }

    private Household household(int index) {
        return index >= 0 && index < households.size() ? households.get(index) : null;
    }

    private Household owner(Device d) {
        return households.stream().filter(h -> h.account() == d.owner).findFirst().orElseThrow();
    }

    private String who(long account) {
        return households.stream().filter(h -> h.account() == account).findFirst().map(h -> "h" + h.index())
                .orElse("account " + account);
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

    private void skipped(String kind, DecisionOp op) {
        tally(kind, "skipped");
        note(op + ": does not apply now, skipped");
    }

    private void note(String what) {
        trail.add("#" + ++step + " " + what);
    }

    private void fail(String operation, String difference) {
        // the same disagreement in another world: the kind of operation and the two answers without versions
        String kind = operation.split(" ")[0] + ": " + difference.replaceAll(" @\\S+", "").replaceAll(" \\(.*?\\)", "");
        throw new Mismatch(kind, "The application differs from the model at step #" + (step + 1) + " of "
                + model.slug + ":\n  " + operation + "\n  " + difference.replace("\n", "\n  ")
                + "\nThe model before it:\n  " + model.describe().replace("\n", "\n  ")
                + "\nHouseholds: " + households.stream().map(h -> "h" + h.index() + "=" + h.account())
                .collect(Collectors.joining(", "))
                + "\nThe steps before it" + (trail.size() > TRAIL ? " (the last " + TRAIL + ")" : "") + ":\n  "
                + String.join("\n  ", trail.subList(Math.max(0, trail.size() - TRAIL), trail.size())));
    }
}
