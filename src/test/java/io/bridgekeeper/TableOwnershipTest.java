package io.bridgekeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owning module, written in that module's {@code package-info.java} ("Owns the
 * tables: ..."), and a module's SQL names only tables it owns (issue 20). {@code ModularityTests} sees
 * Java imports only; this sees the SQL in string literals and text blocks. The tables a module still
 * reads or writes behind its owner's back are listed below, each with why: the list may only shrink.
 */
class TableOwnershipTest {

    private static final Path ROOT = Path.of("src/main/java/io/bridgekeeper");
    private static final Pattern OWNS = Pattern.compile("Owns the tables: (.*?)\\.\\s*(\\n|\\*)", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\\{@code ([a-z_0-9]+)}");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE = Pattern.compile("\\b(?:from|join|into|update|references)\\s+([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    /** Module → tables it names without owning them, as of this test; each entry is a debt of issue 20. */
    private static final Map<String, Set<String>> KNOWN = Map.ofEntries(
            // names and scopes read for display and filtering: to go through security's and vendor's services
            Map.entry("audit", Set.of("account", "cache_version", "device", "rollout", "vendor", "vendor_partner_manager")),
            // a canary's synthetic account, link and devices: the owners offer no system-side way to create them yet
            Map.entry("canary", Set.of("account", "account_link", "delivery_observation", "device", "rollout", "vendor",
                    "vendor_violation_policy")),
            // the hot path's hand-tuned reads (package doc), and names for the credential pages
            Map.entry("decision", Set.of("account", "account_link", "cache_version", "device", "rollout", "rollout_stage",
                    "vendor", "vendor_capability")),
            Map.entry("device", Set.of("account", "account_link", "account_role", "vendor")),
            Map.entry("link", Set.of("account", "device", "device_move", "vendor")),
            Map.entry("rollout", Set.of("account", "device", "vendor")),
            // partner managers' names and roles, and which nodes applied a suspension
            Map.entry("vendor", Set.of("account", "account_role", "app_node")),
            Map.entry("webhook", Set.of("vendor")));

    /** Modules that write every table by design: the demo seed. */
    private static final Set<String> SEEDS = Set.of("demo");

    @Test
    void every_table_has_exactly_one_owner_written_in_its_package_info() {
        Map<String, String> owners = owners();
        assertThat(owners).as("tables with an owner").containsKeys("account", "vendor", "device", "account_link",
                "rollout", "audit_event", "webhook_delivery", "service_credential", "delivery_observation",
                "canary_household");
    }

    @Test
    void a_modules_sql_names_only_the_tables_it_owns_or_its_listed_debts() {
        Map<String, String> owners = owners();
        Map<String, Set<String>> foreign = foreignTables(owners);
        Map<String, Set<String>> unlisted = new TreeMap<>();
        foreign.forEach((module, tables) -> tables.stream()
                .filter(t -> !KNOWN.getOrDefault(module, Set.of()).contains(t))
                .forEach(t -> unlisted.computeIfAbsent(module, m -> new TreeSet<>()).add(t + " (owned by " + owners.get(t) + ")")));
        assertThat(unlisted).as("SQL naming another module's table: go through the owner's service").isEmpty();

        Map<String, Set<String>> paidOff = new TreeMap<>();
        KNOWN.forEach((module, tables) -> tables.stream()
                .filter(t -> !foreign.getOrDefault(module, Set.of()).contains(t))
                .forEach(t -> paidOff.computeIfAbsent(module, m -> new TreeSet<>()).add(t)));
        assertThat(paidOff).as("debts no longer there: remove them from KNOWN").isEmpty();
    }

    static Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> infos = Files.list(ROOT)) {
            infos.map(dir -> dir.resolve("package-info.java")).filter(Files::exists).forEach(info -> {
                Matcher owns = OWNS.matcher(read(info));
                if (owns.find()) {
                    Matcher code = CODE.matcher(owns.group(1));
                    while (code.find()) {
                        String previous = owners.put(code.group(1), info.getParent().getFileName().toString());
                        assertThat(previous).as("table %s has two owners", code.group(1)).isNull();
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    static Map<String, Set<String>> foreignTables(Map<String, String> owners) {
        Map<String, Set<String>> foreign = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".java") && p.getParent() != null && !p.getParent().equals(ROOT))
                    .forEach(file -> {
                        String module = ROOT.relativize(file).getName(0).toString();
                        if (SEEDS.contains(module)) {
                            return;
                        }
                        Matcher literal = LITERAL.matcher(read(file));
                        while (literal.find()) {
                            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                            Matcher table = TABLE.matcher(text);
                            while (table.find()) {
                                String name = table.group(1).toLowerCase();
                                String owner = owners.get(name);
                                if (owner != null && !owner.equals(module)) {
                                    foreign.computeIfAbsent(module, m -> new TreeSet<>()).add(name);
                                }
                            }
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return foreign;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
