package cn.gov.ybj.crossprov;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules and their allowed dependencies are declared in each module's
 * {@code package-info.java} ({@code @ApplicationModule}); {@code verify()} fails on any other
 * dependency, on a use of another module's internals, and on cycles. The committed diagrams
 * (docs/modules, the README's layout section) must match the code: run with
 * {@code -Dmodulith.docs.update=true} to rewrite them after a change.
 */
class ModularityTests {

    private static final Path COMMITTED = Path.of("docs/modules");
    private static final boolean UPDATE = Boolean.getBoolean("modulith.docs.update");

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleIsDeclared() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder("shared", "identity", "reference", "calendar", "workflow", "insured",
                        "filing", "transfer", "clearing", "prepayment", "ui", "localrun", "documents", "settlement");
        // every module states what it may depend on (package-info.java), none is left open
        for (ApplicationModule module : modules) {
            assertThat(module.getBasePackage().getAnnotation(org.springframework.modulith.ApplicationModule.class))
                    .as("@ApplicationModule on %s", module.getIdentifier()).isPresent();
        }
    }

    @Test
    void committedDiagramsMatchTheCode() throws IOException {
        Path generated = Path.of("target/modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml();
        Path diagram = generated.resolve("components.puml");
        String mermaid = mermaid();
        if (UPDATE) {
            Files.createDirectories(COMMITTED);
            Files.copy(diagram, COMMITTED.resolve("components.puml"), StandardCopyOption.REPLACE_EXISTING);
            String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
            Files.writeString(Path.of("README.md"), readme.replaceFirst("(?s)```mermaid\n.*?```\n",
                    java.util.regex.Matcher.quoteReplacement(mermaid)), StandardCharsets.UTF_8);
        }
        // the Documenter's line order varies from run to run: the same lines count as the same diagram
        assertThat(sortedLines(COMMITTED.resolve("components.puml")))
                .as("docs/modules/components.puml is current (-Dmodulith.docs.update=true)")
                .isEqualTo(sortedLines(diagram));
        assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8))
                .as("the README's module diagram is current (-Dmodulith.docs.update=true)").contains(mermaid);
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().sorted().toList();
    }

    /** The module graph as a Mermaid block, which GitHub and most Markdown viewers draw. */
    private String mermaid() {
        StringBuilder out = new StringBuilder("```mermaid\nflowchart BT\n");
        List<ApplicationModule> sorted = modules.stream()
                .sorted(Comparator.comparing(m -> m.getIdentifier().toString())).toList();
        for (ApplicationModule m : sorted) {
            out.append("  ").append(m.getIdentifier()).append("[\"").append(m.getDisplayName()).append("\"]\n");
        }
        for (ApplicationModule m : sorted) {
            TreeSet<String> targets = m.getDirectDependencies(modules, DependencyType.values()).uniqueModules()
                    .map(d -> d.getIdentifier().toString()).filter(t -> !t.equals(m.getIdentifier().toString()))
                    .collect(Collectors.toCollection(TreeSet::new));
            targets.forEach(t -> out.append("  ").append(m.getIdentifier()).append(" --> ").append(t).append('\n'));
        }
        return out.append("```\n").toString();
    }
}
