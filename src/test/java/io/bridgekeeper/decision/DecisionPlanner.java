package io.bridgekeeper.decision;

import io.bridgekeeper.decision.DecisionModel.Certification;
import io.bridgekeeper.decision.DecisionModel.Device;
import io.bridgekeeper.decision.DecisionModel.Item;
import io.bridgekeeper.decision.DecisionModel.Link;
import io.bridgekeeper.decision.DecisionOp.Authorize;
import io.bridgekeeper.decision.DecisionOp.KeyChoice;
import io.bridgekeeper.decision.DecisionOp.KeyChoice.Kind;
import io.bridgekeeper.decision.DecisionOp.VendorRef;
import io.bridgekeeper.decision.DecisionWorld.Household;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.SuspensionReason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Plans the next operation of a kind from the world as it is, the way the data plane, households, the
 * vendor's cloud and staff act: mostly sensible (a household's own camera on its own display with the key
 * just resolved), often not (a key kept from before, another household's display, a wrong requester, a
 * tampered key, a device the vendor has never reported).
 */
final class DecisionPlanner {

    /** The vendor's device ids: d0 .. d11 (d10 and d11 are displays of the vendor's own). */
    static final int DEVICE_IDS = 12;
    /** The vendor's registered camera models (DecisionWorlds certifies them at the world's creation). */
    static final List<String> MODELS = List.of("M1", "M2");
    private static final List<List<Integer>> STAGE_PLANS = List.of(List.of(10, 50, 100), List.of(25, 100),
            List.of(1, 5, 25, 50, 100), List.of(50, 100), List.of(100), List.of(33, 66, 100), List.of(5, 20, 60, 100));

    private DecisionPlanner() {
    }

    static String kind(String deviceId) {
        return Integer.parseInt(deviceId.substring(1)) >= 10 ? "DISPLAY" : "CAMERA";
    }

    static Item item(String id, int rename, String model) {
        return new Item(id, (kind(id).equals("DISPLAY") ? "Screen " : "Camera ") + (rename == 0 ? "" : rename + " ") + id,
                model);
    }

    /** A camera names one of the registered models two times in three; a display never does. */
    static String model(String id, RandomGenerator r) {
        int m = r.nextInt(3);
        return kind(id).equals("DISPLAY") || m == 0 ? null : MODELS.get(m - 1);
    }

    /** One to three devices for each household's first vendor account, in order of the ids. */
    static List<List<Item>> initialDevices(int households, long seed) {
        RandomGenerator r = new SplittableRandom(seed);
        List<List<Item>> devices = new ArrayList<>();
        int next = 0;
        for (int h = 0; h < households; h++) {
            List<Item> items = new ArrayList<>();
            for (int n = 1 + r.nextInt(3); n > 0 && next < DEVICE_IDS; n--) {
                String id = "d" + next++;
                items.add(item(id, 0, model(id, r)));
            }
            devices.add(items);
        }
        return devices;
    }

    // --- decisions ---------------------------------------------------------------------------------

    static DecisionOp resolve(DecisionWorld w, RandomGenerator r) {
        VendorRef vendor = vendor(r, 4, 4);
        int pick = r.nextInt(100);
        return new DecisionOp.Resolve(vendor, pick < 85 ? deviceId(r) : pick < 95 ? "ghost-" + r.nextInt(3) : display(w, r));
    }

    static DecisionOp authorize(DecisionWorld w, RandomGenerator r) {
        DecisionModel m = w.model;
        VendorRef vendor = vendor(r, 3, 3);
        String source = source(w, r);
        Device src = m.devices.get(source);
        VendorRef targetVendor = null;
        String target;
        int t = r.nextInt(100);
        if (t < 74 && src != null && src.owner != null) {
            List<String> own = m.displays.values().stream().filter(d -> src.owner.equals(d.owner)).map(d -> d.id).toList();
            target = own.isEmpty() ? display(w, r) : own.get(r.nextInt(own.size()));
        } else if (t < 86) {
            target = display(w, r);
        } else if (t < 92) {
            targetVendor = VendorRef.VENDOR;
            target = deviceId(r);
        } else if (t < 95) {
            target = "no-such-display";
        } else if (t < 98) {
            targetVendor = VendorRef.UNKNOWN;
            target = deviceId(r);
        } else {
            targetVendor = VendorRef.DORMANT;
            target = "d0";
        }
        Device tgt = targetVendor == null ? m.displays.get(target)
                : targetVendor == VendorRef.VENDOR ? m.devices.get(target) : null;
        int q = r.nextInt(100);
        int requester = q < 85 && tgt != null && tgt.owner != null ? index(w, tgt.owner)
                : q < 97 ? r.nextInt(w.households.size()) : -1;
        List<Capability> offered = List.copyOf(m.capabilities);
        Capability capability = r.nextInt(100) < 85 ? offered.get(r.nextInt(offered.size()))
                : Capability.values()[r.nextInt(Capability.values().length)];
        return new Authorize(vendor, source, targetVendor, target, requester, capability, key(w, r, source));
    }

    /**
     * Mostly a genuine key: resolved just before, the latest one resolved for the device, or an earlier one
     * of it (stale or of a former owner by now); otherwise another device's, a tampered or made-up one, or
     * one of another vendor.
     */
    private static KeyChoice key(DecisionWorld w, RandomGenerator r, String source) {
        List<String> withKeys = w.keys.stream().map(k -> k.claims().deviceId()).distinct().toList();
        String any = withKeys.isEmpty() ? source : withKeys.get(r.nextInt(withKeys.size()));
        int k = r.nextInt(100);
        if (k < 42) {
            return new KeyChoice(Kind.FRESH, source, 0);
        }
        if (k < 58) {
            return new KeyChoice(Kind.LATEST, source, 0);
        }
        if (k < 74) {
            return new KeyChoice(Kind.EARLIER, source, r.nextInt(3));
        }
        if (k < 84) {
            return new KeyChoice(Kind.OTHER_DEVICE, any, 0);
        }
        if (k < 92) {
            return new KeyChoice(Kind.TAMPERED, r.nextBoolean() ? source : any, r.nextInt(16));
        }
        return k < 96 ? new KeyChoice(Kind.MADE_UP, null, r.nextInt(5)) : new KeyChoice(Kind.FOREIGN, null, r.nextInt(50));
    }

    // --- links and devices -------------------------------------------------------------------------

    static DecisionOp link(DecisionWorld w, RandomGenerator r) {
        return new DecisionOp.Link(r.nextInt(w.households.size()), "x" + r.nextInt(w.households.size() + 2));
    }

    static DecisionOp unlink(DecisionWorld w, RandomGenerator r) {
        Link l = pick(w.model.links.values().stream().filter(x -> x.live).toList(), r);
        return l == null ? new DecisionOp.Unlink(0, "x0") : new DecisionOp.Unlink(index(w, l.account), l.external);
    }

    static DecisionOp refreshRefused(DecisionWorld w, RandomGenerator r) {
        Link l = pick(w.model.links.values().stream().filter(x -> x.live && !x.needsRelink).toList(), r);
        return l == null ? new DecisionOp.RefreshRefused(0, "x0") : new DecisionOp.RefreshRefused(index(w, l.account), l.external);
    }

    static DecisionOp unlinkDevice(DecisionWorld w, RandomGenerator r) {
        Device d = pick(w.model.devices.values().stream()
                .filter(x -> x.owner != null && x.link != null && !x.state.equals("REMOVED")).toList(), r);
        return new DecisionOp.UnlinkDevice(d == null ? "d0" : d.id);
    }

    /**
     * The link's current devices, each kept with a chance of 3 in 4 (sometimes renamed, sometimes with another
     * model or none), and up to two more.
     */
    static DecisionOp sync(DecisionWorld w, RandomGenerator r) {
        Link link = pick(w.model.links.values().stream().filter(x -> x.live).toList(), r);
        if (link == null) {
            return new DecisionOp.Sync(0, "x0", List.of());
        }
        List<Item> items = new ArrayList<>();
        for (Device d : w.model.devices.values()) {
            if (d.link == link && Objects.equals(d.owner, link.account) && !d.state.equals("REMOVED") && r.nextInt(4) > 0) {
                String model = r.nextInt(8) == 0 ? model(d.id, r) : d.model;
                items.add(r.nextInt(10) == 0 ? item(d.id, 1 + r.nextInt(99), model) : new Item(d.id, d.name, model));
            }
        }
        for (int n = r.nextInt(3); n > 0; n--) {
            String id = deviceId(r);
            if (items.stream().noneMatch(i -> i.id().equals(id))) {
                Device known = w.model.devices.get(id);
                items.add(known == null ? item(id, 0, model(id, r))
                        : new Item(id, known.name, r.nextInt(3) == 0 ? model(id, r) : known.model));
            }
        }
        return new DecisionOp.Sync(index(w, link.account), link.external, items);
    }

    /** Any of the vendor's devices that is not removed, now and then a platform display, to another household. */
    static DecisionOp transfer(DecisionWorld w, RandomGenerator r) {
        Device d = pick(candidates(w, r, 4), r);
        if (d == null) {
            return new DecisionOp.Transfer("d0", 0);
        }
        List<Household> others = w.households.stream().filter(h -> !Objects.equals(d.owner, h.account())).toList();
        return new DecisionOp.Transfer(d.id, others.get(r.nextInt(others.size())).index());
    }

    /** Off, or (more often: devices are mostly on) one of the devices that are off on again. */
    static DecisionOp toggle(DecisionWorld w, RandomGenerator r) {
        List<Device> candidates = candidates(w, r, 3);
        List<Device> off = candidates.stream().filter(d -> d.state.equals("DISABLED")).toList();
        List<Device> on = candidates.stream().filter(d -> d.state.equals("ACTIVE")).toList();
        if (candidates.isEmpty()) {
            return new DecisionOp.Toggle("d0", "DISABLED");
        }
        return !off.isEmpty() && (on.isEmpty() || r.nextInt(100) < 60)
                ? new DecisionOp.Toggle(off.get(r.nextInt(off.size())).id, "ACTIVE")
                : new DecisionOp.Toggle(on.get(r.nextInt(on.size())).id, "DISABLED");
    }

    // --- the vendor --------------------------------------------------------------------------------

    static DecisionOp suspend(DecisionWorld w, RandomGenerator r) {
        SuspensionReason reason = SuspensionReason.values()[r.nextInt(SuspensionReason.values().length)];
        boolean all = r.nextBoolean();
        Set<Capability> scope = EnumSet.noneOf(Capability.class);
        if (!all) {
            List<Capability> offered = List.copyOf(w.model.capabilities);
            scope.add(offered.get(r.nextInt(offered.size())));
            offered.stream().filter(c -> r.nextInt(3) == 0).forEach(scope::add);
        }
        return new DecisionOp.Suspend(all, Set.copyOf(scope), reason);
    }

    /** Mostly a pair that is certified now; now and then any pair (revoking a revoked one is refused: skipped). */
    static DecisionOp revoke(DecisionWorld w, RandomGenerator r) {
        Certification c = certification(w, r, x -> DecisionModel.revocable(x));
        return new DecisionOp.Revoke(c.model, c.surface);
    }

    /** Mostly a revoked pair; now and then any pair (one certified for the stable version already is skipped). */
    static DecisionOp certify(DecisionWorld w, RandomGenerator r) {
        Certification c = certification(w, r, x -> x.suspended);
        return new DecisionOp.Certify(c.model, c.surface);
    }

    private static Certification certification(DecisionWorld w, RandomGenerator r, Predicate<Certification> fits) {
        List<Certification> all = List.copyOf(w.model.certifications.values());
        List<Certification> fitting = all.stream().filter(fits).toList();
        return r.nextInt(100) < 85 && !fitting.isEmpty() ? pick(fitting, r) : pick(all, r);
    }

    static DecisionOp rolloutStart(DecisionWorld w, RandomGenerator r) {
        return new DecisionOp.RolloutStart(STAGE_PLANS.get(r.nextInt(STAGE_PLANS.size())));
    }

    static DecisionOp rolloutPause(DecisionWorld w, RandomGenerator r) {
        return new DecisionOp.RolloutPause(w.model.rollout == null || !w.model.rollout.paused());
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static VendorRef vendor(RandomGenerator r, int dormantPercent, int unknownPercent) {
        int v = r.nextInt(100);
        return v < dormantPercent ? VendorRef.DORMANT : v < dormantPercent + unknownPercent ? VendorRef.UNKNOWN : VendorRef.VENDOR;
    }

    /** Mostly a device somebody owns now; else any id the vendor uses, one it never used, or a platform display's. */
    private static String source(DecisionWorld w, RandomGenerator r) {
        int pick = r.nextInt(100);
        List<String> owned = w.model.devices.values().stream().filter(d -> d.owner != null && !d.state.equals("REMOVED"))
                .map(d -> d.id).toList();
        if (pick < 70 && !owned.isEmpty()) {
            return owned.get(r.nextInt(owned.size()));
        }
        return pick < 93 ? deviceId(r) : pick < 97 ? "ghost-" + r.nextInt(3) : display(w, r);
    }

    private static List<Device> candidates(DecisionWorld w, RandomGenerator r, int oneDisplayIn) {
        List<Device> candidates = new ArrayList<>();
        w.model.devices.values().stream().filter(d -> !d.state.equals("REMOVED")).forEach(candidates::add);
        w.model.displays.values().stream().filter(d -> r.nextInt(oneDisplayIn) == 0).forEach(candidates::add);
        return candidates;
    }

    private static String deviceId(RandomGenerator r) {
        return "d" + r.nextInt(DEVICE_IDS);
    }

    private static String display(DecisionWorld w, RandomGenerator r) {
        List<String> all = List.copyOf(w.model.displays.keySet());
        return all.get(r.nextInt(all.size()));
    }

    private static int index(DecisionWorld w, long account) {
        return w.households.stream().filter(h -> h.account() == account).findFirst().orElseThrow().index();
    }

    private static <T> T pick(List<T> list, RandomGenerator r) {
        return list.isEmpty() ? null : list.get(r.nextInt(list.size()));
    }
}
