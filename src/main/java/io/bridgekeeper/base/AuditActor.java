package io.bridgekeeper.base;

/**
 * Who did something, as the audit log records it: an account, a vendor's API key, or the system
 * with the rule that fired. A principal that implements this is recorded as itself.
 */
public interface AuditActor {

    enum Type { ACCOUNT, VENDOR_KEY, SYSTEM }

    Type auditActorType();

    String auditActorId();

    String auditActorName();

    /** The system acting on a rule, e.g. {@code system("rollout guard: isolation violation")}. */
    static AuditActor system(String rule) {
        return new SystemActor(rule);
    }

    record SystemActor(String rule) implements AuditActor {
        @Override
        public Type auditActorType() {
            return Type.SYSTEM;
        }

        @Override
        public String auditActorId() {
            return null;
        }

        @Override
        public String auditActorName() {
            return "system: " + rule;
        }
    }
}
