package io.bridgekeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks every {@code @Service} of the application in its bytecode: each public method that may write
 * (its effective {@code @Transactional} is not read-only) must call {@link AuditLog#record} itself,
 * in a lambda it creates, or in a method of its own class that it calls. A new write method without
 * an audit event fails this test; nobody has to remember to add it to a list.
 */
class EveryChangeIsAuditedTest {

    /**
     * The only writes that are not state changes of the domain, each with why. Keep this short:
     * "Class#method" → reason.
     */
    static final Map<String, String> NOT_STATE_CHANGES = Map.of(
            "io.bridgekeeper.vendor.VendorApiKeyService#authenticate",
            "checks a key on every partner API request; it only refreshes the key's last-use time "
                    + "(at most once a minute), which is bookkeeping, not a change anyone made",
            "io.bridgekeeper.decision.ServiceCredentialService#authenticate",
            "checks a service credential on every decision request from memory; it only refreshes the "
                    + "credential's last-use time (at most once a minute), bookkeeping like the vendor key's",
            "io.bridgekeeper.decision.DecisionService#resolve",
            "answers from each node's memory without a transaction and writes nothing; it is the hot path",
            "io.bridgekeeper.decision.DecisionService#resolveAll",
            "the batch form of resolve: answers from memory and writes nothing");

    /**
     * State changes that the one module able to call them audits, because the owner of the table sits
     * below the audit module (the audit log reads who acts from it) and cannot record events itself.
     */
    static final Map<String, String> AUDITED_BY_CALLER = Map.of(
            "io.bridgekeeper.security.Accounts#createCanary",
            "security sits below audit; its one caller, CanaryService#enroll, records CANARIES_ENROLLED with the "
                    + "new accounts' ids");

    @Test
    void every_public_write_method_of_every_service_records_an_audit_event() {
        JavaClasses app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bridgekeeper");

        assertThat(servicesIn(app)).as("the walk finds the services").hasSizeGreaterThanOrEqualTo(5);
        assertThat(unauditedWriteMethods(app)).as("public write methods of services without an audit event")
                .isEmpty();
    }

    @Test
    void the_walk_catches_a_write_method_that_forgets_its_audit_event() {
        JavaClasses fixture = new ClassFileImporter().importPackages("fixtures.unaudited");

        assertThat(unauditedWriteMethods(fixture)).containsExactlyInAnyOrder(
                "fixtures.unaudited.ForgetfulService#forgetsTheAudit",
                "fixtures.unaudited.ForgetfulService#noTransactionAtAll");
    }

    @Test
    void the_allow_list_names_methods_that_exist() {
        JavaClasses app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bridgekeeper");
        for (String name : allowed().keySet()) {
            String[] parts = name.split("#");
            assertThat(app.get(parts[0]).getMethods()).as(name)
                    .anyMatch(m -> m.getName().equals(parts[1]));
        }
    }

    private static Map<String, String> allowed() {
        Map<String, String> all = new HashMap<>(NOT_STATE_CHANGES);
        all.putAll(AUDITED_BY_CALLER);
        return all;
    }

    static List<JavaClass> servicesIn(JavaClasses classes) {
        return classes.stream().filter(c -> c.isAnnotatedWith(Service.class)).toList();
    }

    static List<String> unauditedWriteMethods(JavaClasses classes) {
        return servicesIn(classes).stream()
                .filter(c -> !c.isEquivalentTo(AuditLog.class))
                .flatMap(c -> c.getMethods().stream())
                .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(m -> !m.getModifiers().contains(JavaModifier.SYNTHETIC)
                        && !m.getModifiers().contains(JavaModifier.BRIDGE))
                .filter(m -> !isReadOnly(m))
                .filter(m -> !recordsAnAuditEvent(m))
                .map(m -> m.getOwner().getName() + "#" + m.getName())
                .filter(name -> !allowed().containsKey(name))
                .distinct()
                .toList();
    }

    /** Read-only when the method's own {@code @Transactional}, or else its class's, says so. */
    static boolean isReadOnly(JavaMethod method) {
        if (method.isAnnotatedWith(Transactional.class)) {
            return method.getAnnotationOfType(Transactional.class).readOnly();
        }
        JavaClass owner = method.getOwner();
        return owner.isAnnotatedWith(Transactional.class) && owner.getAnnotationOfType(Transactional.class).readOnly();
    }

    /** Calls AuditLog.record directly, or through a lambda or another method of the application's own code. */
    /** "io.bridgekeeper" for io.bridgekeeper.link.LinkService: what counts as the application's own code. */
    static String rootPackage(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length < 2 ? type.getPackageName() : parts[0] + "." + parts[1];
    }

    static boolean recordsAnAuditEvent(JavaMethod method) {
        Deque<JavaCodeUnit> todo = new ArrayDeque<>(List.of(method));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            JavaCodeUnit unit = todo.pop();
            if (!seen.add(unit.getFullName())) {
                continue;
            }
            boolean records = unit.getMethodCallsFromSelf().stream().anyMatch(call ->
                    call.getTargetOwner().isEquivalentTo(AuditLog.class) && call.getName().equals("record"));
            if (records) {
                return true;
            }
            JavaClass owner = unit.getOwner();
            // follow calls into the application's own code (the same class, a helper component of the
            // module, another service), never into libraries
            unit.getMethodCallsFromSelf().stream()
                    .filter(call -> rootPackage(call.getTargetOwner()).equals(rootPackage(owner)))
                    .flatMap(call -> call.getTarget().resolveMember().stream())
                    .forEach(todo::push);
            // a lambda's body is a synthetic method of the same class, reached through invokedynamic
            owner.getMethods().stream()
                    .filter(m -> m.getName().startsWith("lambda$" + unit.getName() + "$"))
                    .forEach(todo::push);
        }
        return false;
    }
}
