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
 * tables: ..."), and a module's SQL names only tables it owns (issue 20). What other modules may read,
 * the owner publishes as views ("Publishes the views: ...", migration V112): another module's SQL may
 * read those, never write them. {@code ModularityTests} sees Java imports only; this sees the SQL in
 * string literals and text blocks.
 */
class TableOwnershipTest {

    private static final Path ROOT = Path.of("src/main/java/io/bridgekeeper");
    private static final Pattern OWNS = Pattern.compile("Owns the tables: (.*?)\\.\\s*(\\n|\\*)", Pattern.DOTALL);
    private static final Pattern PUBLISHES = Pattern.compile("Publishes the views: (.*?)\\.\\s*(\\n|\\*)",
            Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\\{@code ([a-z_0-9]+)}");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE = Pattern.compile("\\b(from|join|into|update|references)\\s+([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    /** Modules that write every table by design: the demo seed. */
    private static final Set<String> SEEDS = Set.of("demo");

    @Test
    void every_table_has_exactly_one_owner_written_in_its_package_info() {
        Map<String, String> owners = owners(OWNS);
        assertThat(owners).as("tables with an owner").containsKeys("account", "vendor", "device", "account_link",
                "rollout", "audit_event", "webhook_delivery", "service_credential", "delivery_observation",
                "canary_household");
    }

    @Test
    void every_published_view_is_created_by_a_migration_and_named_apart_from_the_tables() throws IOException {
        Map<String, String> views = owners(PUBLISHES);
        assertThat(views).as("published views").containsKeys("account_directory", "vendor_directory",
                "device_directory", "link_directory", "rollout_directory");
        StringBuilder migrations = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("db/migrations"))) {
            files.sorted().forEach(f -> migrations.append(read(f)).append('\n'));
        }
        views.keySet().forEach(view -> assertThat(migrations.toString()).as("migration creating " + view)
                .containsPattern("create (or replace )?view " + view + " as"));
        assertThat(views.keySet()).as("views that are also tables").doesNotContainAnyElementsOf(owners(OWNS).keySet());
    }

    @Test
    void a_modules_sql_names_only_the_tables_it_owns_and_reads_only_the_views_others_publish() {
        Map<String, String> owners = owners(OWNS);
        Map<String, Set<String>> foreign = foreignTables(owners, owners(PUBLISHES));
        assertThat(foreign).as("module → another module's tables its SQL names, or views it writes: "
                + "read through the owner's published views, write through the owner's services").isEmpty();
    }

    /** Table or view → the module whose package-info names it after {@code heading}. */
    static Map<String, String> owners(Pattern heading) {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> infos = Files.list(ROOT)) {
            infos.map(dir -> dir.resolve("package-info.java")).filter(Files::exists).forEach(info -> {
                Matcher owns = heading.matcher(read(info));
                if (owns.find()) {
                    Matcher code = CODE.matcher(owns.group(1));
                    while (code.find()) {
                        String previous = owners.put(code.group(1), info.getParent().getFileName().toString());
                        assertThat(previous).as("%s has two owners", code.group(1)).isNull();
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    /**
     * Module → the other modules' tables its SQL names, and the other modules' views it writes (a
     * view is read-only to everyone but its publisher).
     */
    static Map<String, Set<String>> foreignTables(Map<String, String> owners, Map<String, String> views) {
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
                                String verb = table.group(1).toLowerCase();
                                String name = table.group(2).toLowerCase();
                                String owner = owners.get(name);
                                String publisher = views.get(name);
                                boolean writes = verb.equals("into") || verb.equals("update");
                                if (owner != null && !owner.equals(module)
                                        || publisher != null && !publisher.equals(module) && writes) {
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
