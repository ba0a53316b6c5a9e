package io.bridgekeeper.decision;

import io.bridgekeeper.rollout.Buckets;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.SuspensionReason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reference model of {@link DecisionModelIT}: the delivery decision stated a second time, in plain
 * Java, from DESIGN.md and the order written in {@link DecisionEngine}'s javadoc (not from its code),
 * together with what each operation does to the few facts a decision depends on. One vendor (and a
 * second one that was never activated), a few households with their platform displays, the vendor's
 * devices and links, its suspension, stable version and rollout, and the generation of the signing
 * secret. Account ids are the database's; everything else is named by the vendor's own ids.
 */
final class DecisionModel {

    /** What the model expects: outcome, reason and effective version; {@code why} only feeds the coverage tally. */
    record Answer(String outcome, DenyReason reason, Version version, String why) {
        @Override
        public String toString() {
            return outcome + (reason == null ? "" : " " + reason) + " @" + (version == null ? "none" : version.label());
        }
    }

    record Version(long id, String label) {
    }

    /** What a genuine key says; {@code secret} is the generation of the secret that signed it (0 = active at the start). */
    record Claims(String vendor, String deviceId, long owner, int epoch, long versionId, int secret) {
    }

    static final class Link {
        final long id;
        final long account;
        final String external;
        boolean live = true;
        int epoch = 1;
        /** The vendor refused to refresh its tokens: refused until it is linked again. */
        boolean needsRelink;

        Link(long id, long account, String external) {
            this.id = id;
            this.account = account;
            this.external = external;
        }

        @Override
        public String toString() {
            return external + "(" + (live ? needsRelink ? "live, needs re-linking" : "live" : "ended") + ", epoch " + epoch + ")";
        }
    }

    static final class Device {
        final String id;
        final boolean platform;
        Long owner;
        Link link;
        String state = "ACTIVE";
        String name;
        /** The household that disabled it (its own choice, binding while it owns the device). */
        Long disabledBy;
        /** The link whose vendor account lists the device while another household owns it (state CONFLICT). */
        Link pendingTo;
        /** Links whose claim an admin refused; the service's syncs skip the device for them. */
        final java.util.Set<Link> refused = new java.util.HashSet<>();
        /** A vendor device's model (the code a sync named last), or null. */
        String model;
        /** A platform display's surface (smart-display, speaker-screen), or null. */
        String surface;

        Device(String id, boolean platform, Long owner, Link link, String name) {
            this.id = id;
            this.platform = platform;
            this.owner = owner;
            this.link = link;
            this.name = name;
        }

        @Override
        public String toString() {
            return id + "[" + state + ", owner " + owner + ", link " + link + (model == null ? "" : ", model " + model)
                    + (surface == null ? "" : ", surface " + surface) + "]";
        }
    }

    /** A running or paused rollout: devices whose bucket is inside the current stage are on {@code to}. */
    record Rollout(long id, String salt, List<Integer> stages, int stage, boolean paused, Version to) {
        int percent() {
            return stages.get(stage);
        }
    }

    record Suspension(Set<Capability> scope, SuspensionReason reason, boolean resumeRequested) {
    }

    /**
     * One of the vendor's models on one surface, as an admin certified it: the versions it is certified for now,
     * and whether a revocation suspended the pair (until it is certified again).
     */
    static final class Certification {
        final String model;
        final String surface;
        final Set<String> versions = new java.util.TreeSet<>();
        boolean suspended;

        Certification(String model, String surface) {
            this.model = model;
            this.surface = surface;
        }

        @Override
        public String toString() {
            return model + " on " + surface + (suspended ? " revoked" : " certified for " + versions);
        }
    }

    final String slug;
    final Set<Capability> capabilities;
    final boolean autoSuspend;
    final String dormantSlug;
    final Version dormantStable;
    final Map<String, Device> devices = new TreeMap<>();
    final Map<String, Device> displays = new TreeMap<>();
    final Map<String, Link> links = new LinkedHashMap<>();
    /** The certified (model, surface) pairs by {@link #pair}; a pair not here was never declared or certified. */
    final Map<String, Certification> certifications = new TreeMap<>();
    Suspension suspension;
    /** The vendor's policy for claimed evidence (its window is longer than any try), and the claims since the last resume. */
    int claimedThreshold = 3;
    boolean claimedMaySuspend = true;
    int claims;
    Version stable;
    Rollout rollout;
    int secret;

    DecisionModel(String slug, Set<Capability> capabilities, boolean autoSuspend, Version stable, String dormantSlug,
                  Version dormantStable) {
        this.slug = slug;
        this.capabilities = Set.copyOf(capabilities);
        this.autoSuspend = autoSuspend;
        this.stable = stable;
        this.dormantSlug = dormantSlug;
        this.dormantStable = dormantStable;
    }

    // --- the decision -----------------------------------------------------------------------------

    Answer resolve(String vendor, String deviceId) {
        if (vendor.equals(dormantSlug)) {
            return deny(DenyReason.VENDOR_SUSPENDED, dormantStable, "vendor not live");
        }
        if (!vendor.equals(slug)) {
            return deny(DenyReason.DEVICE_UNKNOWN, null, "vendor unknown");
        }
        Version version = effectiveVersion(deviceId);
        if (suspendedEntirely()) {
            return deny(DenyReason.VENDOR_SUSPENDED, version, "every capability suspended");
        }
        Device d = devices.get(deviceId);
        if (gone(d)) {
            return deny(DenyReason.DEVICE_UNKNOWN, version, "device unknown or removed");
        }
        if (disabled(d)) {
            return deny(DenyReason.DEVICE_DISABLED, version, "device disabled");
        }
        if (held(d)) {
            return deny(DenyReason.OWNERSHIP_CONFLICT, version, "held for a move between households");
        }
        if (!owned(d)) {
            return deny(DenyReason.LINK_ENDED, version, "no owner or link ended");
        }
        if (needsRelink(d)) {
            return deny(DenyReason.LINK_NEEDS_RELINK, version, "the vendor refused to refresh the link's tokens");
        }
        return new Answer("RESOLVED", null, version, "resolved");
    }

    /** What the key from a successful resolve must say. */
    Claims keyFor(String deviceId) {
        Device d = devices.get(deviceId);
        return new Claims(slug, deviceId, d.owner, epoch(d), idOf(effectiveVersion(deviceId)), secret);
    }

    /** {@code key} is null when the key is not genuine (tampered, made up, missing). */
    Answer authorize(String vendor, String source, String targetVendor, String target, long requester,
                     Capability capability, Claims key) {
        if (vendor.equals(dormantSlug)) {
            return deny(DenyReason.VENDOR_SUSPENDED, dormantStable, "vendor not live");
        }
        if (!vendor.equals(slug)) {
            return deny(DenyReason.DEVICE_UNKNOWN, null, "vendor unknown");
        }
        Version version = effectiveVersion(source);
        if (suspendedEntirely()) {
            return deny(DenyReason.VENDOR_SUSPENDED, version, "every capability suspended");
        }
        if (!capabilities.contains(capability)) {
            return deny(DenyReason.CAPABILITY_SUSPENDED, version, "capability not offered");
        }
        if (suspension != null && suspension.scope().contains(capability)) {
            return deny(DenyReason.CAPABILITY_SUSPENDED, version, "capability suspended");
        }
        Device src = devices.get(source);
        Device tgt = targetVendor == null ? displays.get(target) : targetVendor.equals(slug) ? devices.get(target) : null;
        if (gone(src) || gone(tgt)) {
            return deny(DenyReason.DEVICE_UNKNOWN, version, gone(src) ? "source unknown" : "target unknown");
        }
        if (disabled(src) || disabled(tgt)) {
            return deny(DenyReason.DEVICE_DISABLED, version, disabled(src) ? "source disabled" : "target disabled");
        }
        if (notCertified(src, tgt)) {
            return deny(DenyReason.NOT_CERTIFIED, version, "the source's model revoked on the target's surface");
        }
        if (held(src) || held(tgt)) {
            return deny(DenyReason.OWNERSHIP_CONFLICT, version, held(src) ? "source held" : "target held");
        }
        if (!owned(src) || !owned(tgt)) {
            return deny(DenyReason.LINK_ENDED, version, !owned(src) ? "source link ended" : "target link ended");
        }
        if (needsRelink(src) || needsRelink(tgt)) {
            return deny(DenyReason.LINK_NEEDS_RELINK, version, needsRelink(src) ? "source link needs re-linking"
                    : "target link needs re-linking");
        }
        if (requester != tgt.owner) {
            return deny(DenyReason.REQUESTER_NOT_OWNER, version, "requester not the target's owner");
        }
        if (!src.owner.equals(tgt.owner)) {
            boolean keyOfSource = key != null && key.vendor().equals(slug) && key.deviceId().equals(source);
            if (keyOfSource && key.owner() == requester) {
                return deny(DenyReason.OWNER_CHANGED, version, "the requester's key from before the device moved");
            }
            return deny(DenyReason.OWNER_MISMATCH, version, keyOfSource ? PROVEN + "key of another owner with devices of two households"
                    : CLAIMED + "devices of two households");
        }
        if (key == null) {
            return deny(DenyReason.FORGED_CACHE_KEY, version, "key not genuine");
        }
        if (!key.vendor().equals(slug) || !key.deviceId().equals(source)) {
            return deny(DenyReason.FORGED_CACHE_KEY, version, "key of another " + (key.vendor().equals(slug) ? "device" : "vendor"));
        }
        if (key.owner() != src.owner) {
            return deny(DenyReason.OWNER_MISMATCH, version, PROVEN + "key of another owner");
        }
        if (key.secret() < secret - 1) {
            return deny(DenyReason.STALE_CACHE_KEY, version, "key signed by a retired secret");
        }
        if (key.epoch() != epoch(src)) {
            return deny(DenyReason.STALE_CACHE_KEY, version, "key of another link epoch");
        }
        if (key.versionId() != idOf(version)) {
            return deny(DenyReason.STALE_CACHE_KEY, version, "key of another cache version");
        }
        return new Answer("ALLOW", null, version, rollout != null && version == rollout.to() ? "on the rollout's target" : "on stable");
    }

    /** Stable, or the rollout's target when the device's bucket is inside the current stage. */
    Version effectiveVersion(String deviceId) {
        if (rollout != null && Buckets.inStage(Buckets.bucket(rollout.salt(), deviceId), rollout.percent())) {
            return rollout.to();
        }
        return stable;
    }

    /**
     * A revoked certification: the source names a model, the target is a platform display on a surface, and an
     * admin revoked that model on that surface (a vendor's device as target has no surface).
     */
    private boolean notCertified(Device src, Device tgt) {
        if (src.model == null || !tgt.platform || tgt.surface == null) {
            return false;
        }
        Certification c = certifications.get(pair(src.model, tgt.surface));
        return c != null && c.suspended;
    }

    static String pair(String model, String surface) {
        return model + "/" + surface;
    }

    private boolean suspendedEntirely() {
        return suspension != null && suspension.scope().containsAll(capabilities);
    }

    private static boolean gone(Device d) {
        return d == null || d.state.equals("REMOVED");
    }

    private static boolean disabled(Device d) {
        return d.state.equals("DISABLED");
    }

    private static boolean held(Device d) {
        return d.state.equals("CONFLICT");
    }

    /** Active, or disabled when the household that owns it (or is about to) chose that. */
    private static String settled(Device d, Long owner) {
        return d.disabledBy != null && d.disabledBy.equals(owner) ? "DISABLED" : "ACTIVE";
    }

    /** The device's waiting move ends without moving it. */
    private static void withdraw(Device d) {
        if (d.pendingTo != null) {
            d.pendingTo = null;
            if (held(d)) {
                d.state = settled(d, d.owner);
            }
        }
    }

    private static boolean owned(Device d) {
        return d.owner != null && (d.link == null || d.link.live);
    }

    private static boolean needsRelink(Device d) {
        return d.link != null && d.link.needsRelink;
    }

    private static int epoch(Device d) {
        return d.link == null ? 0 : d.link.epoch;
    }

    private static long idOf(Version v) {
        return v == null ? 0 : v.id();
    }

    private static Answer deny(DenyReason reason, Version version, String why) {
        return new Answer("DENY", reason, version, why);
    }

    // --- what the operations do -------------------------------------------------------------------

    private static final String PROVEN = "proven: ";
    private static final String CLAIMED = "claimed: ";

    /**
     * An isolation violation (DESIGN.md, "an isolation breach is a rollout guard"; "Evidence of a violation").
     * Proven: the running or paused rollout is halted and rolled back at once, and by the vendor's policy an
     * active vendor's cameras are suspended for a privacy leak (its camera capabilities; every capability when
     * it has none, e.g. a vendor of locks only). Claimed: counted; from the vendor's threshold on
     * (claims since the last resume) the same, the suspension only when its policy lets claims suspend.
     */
    void violation(Answer answer) {
        boolean proven = answer.why().startsWith(PROVEN);
        if (!proven && ++claims < claimedThreshold) {
            return;
        }
        rollout = null;
        if (autoSuspend && (proven || claimedMaySuspend) && suspension == null) {
            Set<Capability> cameras = EnumSet.of(Capability.CAMERA_STREAM, Capability.SNAPSHOT);
            cameras.retainAll(capabilities);
            suspension = new Suspension(cameras.isEmpty() ? capabilities : Set.copyOf(cameras),
                    SuspensionReason.PRIVACY_LEAK, false);
        }
    }

    enum LinkOutcome { REFUSED, RELINKED, LINKED }

    /** One live link per vendor account; the household's own ended link of it comes back with its epoch moved. */
    LinkOutcome linkOutcome(long account, String external) {
        if (links.values().stream().anyMatch(l -> l.live && l.external.equals(external))) {
            return LinkOutcome.REFUSED;
        }
        return links.containsKey(account + "/" + external) ? LinkOutcome.RELINKED : LinkOutcome.LINKED;
    }

    Link linked(long account, String external, long linkId) {
        Link l = links.get(account + "/" + external);
        if (l != null) {
            l.live = true;
            l.needsRelink = false;
            l.epoch++;
            return l;
        }
        l = new Link(linkId, account, external);
        links.put(account + "/" + external, l);
        return l;
    }

    /** Unlinking ends the link, moves its epoch and ends the household's ownership of its devices. */
    void unlinked(Link l) {
        l.live = false;
        l.needsRelink = false;
        l.epoch++;
        devices.values().stream().filter(d -> d.link == l).forEach(d -> d.owner = null);
    }

    /** One device unlinked: the link's epoch moves, the device is detached for good. */
    void deviceUnlinked(Device d) {
        d.link.epoch++;
        d.owner = null;
        d.link = null;
        d.state = "REMOVED";
    }

    /** A device as a sync lists it; {@code model} a model the vendor registered, or null. */
    record Item(String id, String name, String model) {
    }

    record Synced(List<String> added, List<String> updated, List<String> moved, List<String> removed, int unchanged,
                  List<String> skipped, List<String> pendingConfirmation) {
    }

    /**
     * The link's devices become exactly the list: new ones added, ones that came back (after a removal or an
     * unlink) or that the vendor moved from another of its accounts owned through this link again (active),
     * renamed ones renamed, unlisted ones removed. A device that left its link (transferred, or detached by
     * the household) is the household's or admin's choice and is not taken back. A device another household
     * owns is not moved: it is held (CONFLICT) until someone consents; a claim an admin refused is skipped.
     */
    Synced synced(Link l, List<Item> items) {
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        int unchanged = 0;
        List<Device> before = devices.values().stream().filter(d -> d.link == l).toList();
        for (Item item : items) {
            Device d = devices.get(item.id());
            if (d == null) {
                Device fresh = new Device(item.id(), false, l.account, l, item.name());
                fresh.model = item.model();
                devices.put(item.id(), fresh);
                added.add(item.id());
            } else if (d.link == null) {
                skipped.add(item.id());
            } else if (d.link == l && Objects.equals(d.owner, l.account) && !d.state.equals("REMOVED")) {
                if (d.name.equals(item.name()) && Objects.equals(d.model, item.model())) {
                    unchanged++;
                } else {
                    d.name = item.name();
                    d.model = item.model();
                    updated.add(item.id());
                }
            } else if (d.owner != null && !d.owner.equals(l.account)) {
                if (d.refused.contains(l)) {
                    skipped.add(item.id());
                } else {
                    if (d.pendingTo == null) {
                        d.pendingTo = l;
                        d.state = "CONFLICT";
                    }
                    pending.add(item.id());
                }
            } else {
                (d.link == l ? added : moved).add(item.id());
                withdraw(d);
                d.owner = l.account;
                d.link = l;
                d.state = settled(d, l.account);
                d.name = item.name();
                d.model = item.model();
            }
        }
        List<String> listed = items.stream().map(Item::id).toList();
        devices.values().stream().filter(d -> d.pendingTo == l && !listed.contains(d.id)).forEach(DecisionModel::withdraw);
        for (Device d : before) {
            if (!d.state.equals("REMOVED") && !listed.contains(d.id)) {
                d.state = "REMOVED";
                d.owner = null;
                removed.add(d.id);
            }
        }
        return new Synced(added, updated, moved, removed, unchanged, skipped, pending);
    }

    /** An admin's transfer: the new household owns it without a link, active unless it had disabled it; a waiting move ends. */
    void transferred(Device d, long owner) {
        withdraw(d);
        d.owner = owner;
        d.link = null;
        d.state = settled(d, owner);
    }

    /** The household that owns the device disables it (on = false) or enables it again. */
    void toggled(Device d, boolean on) {
        if (on) {
            d.disabledBy = null;
            d.state = d.state.equals("DISABLED") ? "ACTIVE" : d.state;
        } else {
            d.disabledBy = d.owner;
            d.state = d.state.equals("ACTIVE") ? "DISABLED" : d.state;
        }
    }

    /** A suspension pauses the running rollout (resuming the vendor does not resume it). */
    void suspended(Set<Capability> scope, SuspensionReason reason) {
        suspension = new Suspension(Set.copyOf(scope), reason, false);
        if (rollout != null && !rollout.paused()) {
            rollout = new Rollout(rollout.id(), rollout.salt(), rollout.stages(), rollout.stage(), true, rollout.to());
        }
    }

    /** True when resumed; after a privacy leak or a security problem the first admin only asks. */
    boolean resumeStep() {
        if (suspension.reason().needsSecondAdminToResume() && !suspension.resumeRequested()) {
            suspension = new Suspension(suspension.scope(), suspension.reason(), true);
            return false;
        }
        suspension = null;
        claims = 0;
        return true;
    }

    /** Revoking suspends the pair and revokes every version it was certified for; only a certified pair is revoked. */
    static boolean revocable(Certification c) {
        return !c.suspended && !c.versions.isEmpty();
    }

    void revoked(Certification c) {
        c.versions.clear();
        c.suspended = true;
    }

    /** Certifying for a version lifts the pair's suspension; certifying again what is certified is refused. */
    static boolean certifiable(Certification c, String label) {
        return c.suspended || !c.versions.contains(label);
    }

    void certified(Certification c, String label) {
        c.versions.add(label);
        c.suspended = false;
    }

    void rolloutStarted(long id, String salt, List<Integer> stages, Version to) {
        rollout = new Rollout(id, salt, List.copyOf(stages), 0, false, to);
    }

    /** The next stage, or after the last one the target becomes stable. Returns true when completed. */
    boolean advanced() {
        if (rollout.stage() == rollout.stages().size() - 1) {
            stable = rollout.to();
            rollout = null;
            return true;
        }
        rollout = new Rollout(rollout.id(), rollout.salt(), rollout.stages(), rollout.stage() + 1, false, rollout.to());
        return false;
    }

    void rolloutPaused(boolean paused) {
        rollout = new Rollout(rollout.id(), rollout.salt(), rollout.stages(), rollout.stage(), paused, rollout.to());
    }

    void halted() {
        rollout = null;
    }

    void rotated() {
        secret++;
    }

    /** The model in a few lines, for a failure message. */
    String describe() {
        StringBuilder s = new StringBuilder();
        s.append("vendor ").append(slug).append(" capabilities ").append(capabilities)
                .append(autoSuspend ? ", suspends itself on a violation" : ", policy: no auto-suspension").append('\n');
        s.append("suspension ").append(suspension).append(", stable ").append(stable).append(", rollout ")
                .append(rollout).append(", secret generation ").append(secret).append('\n');
        s.append("links ").append(links).append('\n');
        s.append("certifications ").append(certifications.values()).append('\n');
        s.append("devices ").append(devices.values()).append('\n');
        s.append("displays ").append(displays.values());
        return s.toString();
    }
}
