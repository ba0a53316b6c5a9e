package io.bridgekeeper.decision;

import io.bridgekeeper.decision.DecisionModel.Item;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.SuspensionReason;
import java.util.List;
import java.util.Set;

/**
 * One operation of a sequence, with its choices fixed when it was generated and named the way they read
 * in any world (households h0.., their displays h0-display0.., the vendor's devices d0.., vendor accounts
 * x0..), so a shrunk sequence means what it meant: an operation whose object no longer fits is skipped.
 */
sealed interface DecisionOp {

    /** The world's vendor, its vendor that was never activated, or a slug nobody has. */
    enum VendorRef { VENDOR, DORMANT, UNKNOWN }

    record Resolve(VendorRef vendor, String device) implements DecisionOp {
        @Override
        public String toString() {
            return "resolve " + device + of(vendor);
        }
    }

    /** {@code targetVendor} null: a platform display; {@code requester} -1: an account that is no household. */
    record Authorize(VendorRef vendor, String source, VendorRef targetVendor, String target, int requester,
                     Capability capability, KeyChoice key) implements DecisionOp {
        @Override
        public String toString() {
            return "authorize " + source + of(vendor) + " on " + target + (targetVendor == null ? "" : of(targetVendor))
                    + " for " + (requester < 0 ? "a stranger" : "h" + requester) + ", " + capability + ", with " + key;
        }
    }

    /** Which key the data plane presents. */
    record KeyChoice(Kind kind, String device, int index) {
        enum Kind { FRESH, LATEST, EARLIER, OTHER_DEVICE, TAMPERED, MADE_UP, FOREIGN }

        @Override
        public String toString() {
            return switch (kind) {
                case FRESH -> "a key resolved just before";
                case LATEST -> "the latest key of " + device;
                case EARLIER -> index == 0 ? "the first key of " + device : "key no. " + (index + 1) + " of " + device
                        + " (or its latest)";
                case OTHER_DEVICE -> "the latest key of " + device;
                case TAMPERED -> "the latest key of " + device + " tampered (" + index + ")";
                case MADE_UP -> "made-up key no. " + index;
                case FOREIGN -> "key no. " + index + " of another vendor";
            };
        }
    }

    record Link(int household, String external) implements DecisionOp {
        @Override
        public String toString() {
            return "link h" + household + " to vendor account " + external;
        }
    }

    record Unlink(int household, String external) implements DecisionOp {
        @Override
        public String toString() {
            return "h" + household + " unlinks vendor account " + external;
        }
    }

    record UnlinkDevice(String device) implements DecisionOp {
        @Override
        public String toString() {
            return "its owner unlinks device " + device;
        }
    }

    record Sync(int household, String external, List<Item> items) implements DecisionOp {
        @Override
        public String toString() {
            return "vendor syncs " + external + " of h" + household + ": " + items.stream()
                    .map(i -> i.id() + (DecisionPlanner.item(i.id(), 0, i.model()).equals(i) ? "" : " '" + i.name() + "'")
                            + (i.model() == null ? "" : " (" + i.model() + ")")).toList();
        }
    }

    record Transfer(String device, int household) implements DecisionOp {
        @Override
        public String toString() {
            return "admin transfers " + device + " to h" + household;
        }
    }

    record Toggle(String device, String state) implements DecisionOp {
        @Override
        public String toString() {
            return "household sets " + device + " " + state;
        }
    }

    record Suspend(boolean all, Set<Capability> scope, SuspensionReason reason) implements DecisionOp {
        @Override
        public String toString() {
            return "suspend " + (all ? "the vendor" : scope) + " for " + reason;
        }
    }

    record Resume() implements DecisionOp {
        @Override
        public String toString() {
            return "resume (a step of it)";
        }
    }

    record RolloutStart(List<Integer> stages) implements DecisionOp {
        @Override
        public String toString() {
            return "start a rollout of a new version, stages " + stages;
        }
    }

    record RolloutAdvance() implements DecisionOp {
        @Override
        public String toString() {
            return "advance the rollout";
        }
    }

    record RolloutHalt() implements DecisionOp {
        @Override
        public String toString() {
            return "halt and roll back the rollout";
        }
    }

    record RolloutPause(boolean pause) implements DecisionOp {
        @Override
        public String toString() {
            return pause ? "pause the rollout" : "resume the rollout";
        }
    }

    /** The vendor refuses to refresh the tokens of a household's live link (consent withdrawn at the vendor). */
    record RefreshRefused(int household, String external) implements DecisionOp {
        @Override
        public String toString() {
            return "the vendor refuses to refresh h" + household + "'s link to " + external;
        }
    }

    /** An admin revokes the certification of the vendor's model (M1, M2) on a surface: the pair is suspended. */
    record Revoke(String model, String surface) implements DecisionOp {
        @Override
        public String toString() {
            return "admin revokes " + model + " on " + surface;
        }
    }

    /** An admin certifies the vendor's model on a surface for the stable version (lifting a revocation's suspension). */
    record Certify(String model, String surface) implements DecisionOp {
        @Override
        public String toString() {
            return "admin certifies " + model + " on " + surface + " for the stable version";
        }
    }

    record RotateSecret() implements DecisionOp {
        @Override
        public String toString() {
            return "rotate the signing secret";
        }
    }

    private static String of(VendorRef vendor) {
        return switch (vendor) {
            case VENDOR -> "";
            case DORMANT -> " (of the never-activated vendor)";
            case UNKNOWN -> " (of an unknown vendor)";
        };
    }
}
