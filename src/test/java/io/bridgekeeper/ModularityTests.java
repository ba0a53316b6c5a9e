package io.bridgekeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    /** Where {@code Documenter} writes in a Maven build, and the copy of the overview that docs/architecture.md shows. */
    static final Path GENERATED = Path.of("target/spring-modulith-docs");
    static final Path COMMITTED = Path.of("docs/modules/components.puml");

    @Test
    void modules_only_use_each_others_published_api_and_have_no_cycles() {
        MODULES.verify();
    }

    /**
     * Every build writes the modules' diagrams and canvases (target/spring-modulith-docs), and the overview
     * diagram in docs/ must be the one the code gives: a new dependency between modules shows in review.
     */
    @Test
    void the_module_diagrams_are_generated_and_the_committed_overview_is_current() throws IOException {
        new Documenter(MODULES).writeDocumentation();

        assertThat(GENERATED.resolve("components.puml")).exists();
        assertThat(GENERATED.resolve("module-audit.adoc")).exists();
        assertThat(GENERATED.resolve("all-docs.adoc")).exists();
        // the same modules and relations; Documenter does not keep their order from one run to the next
        assertThat(Files.readAllLines(COMMITTED))
                .as("docs/modules/components.puml is stale: cp target/spring-modulith-docs/components.puml docs/modules/")
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(GENERATED.resolve("components.puml")));
    }
}
