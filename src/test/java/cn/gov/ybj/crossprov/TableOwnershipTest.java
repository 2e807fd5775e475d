package cn.gov.ybj.crossprov;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table belongs to one module, and only that module's code names it in SQL; other modules
 * go through the owner's API. {@code ApplicationModules.verify()} sees Java types only, so this
 * test reads the SQL in the sources. The owners are listed in README.md (layout section), which
 * this test reads too, so the list there cannot drift.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/cn/gov/ybj/crossprov");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    /** A README line "| `module` | `table`, `table` … |" of the ownership table. */
    private static final Pattern README_ROW = Pattern.compile("^\\| `(\\w+)` \\| (`app\\.\\w+`(?:, `app\\.\\w+`)*) \\|");
    /** a table, view or sequence created or dropped, in the order of the statements (V35 drops one and creates it again) */
    private static final Pattern CREATED_OR_DROPPED = Pattern.compile(
            "(CREATE (?:UNLOGGED )?|DROP )(?:TABLE|VIEW|SEQUENCE)(?: IF (?:NOT )?EXISTS)? (?:app\\.)?(\\w+)", Pattern.CASE_INSENSITIVE);
    /** Where SQL names a table or sequence: after FROM, JOIN, INTO, UPDATE, TABLE, COPY, or in nextval('…'). */
    private static final Pattern NAMED = Pattern.compile(
            "(?:\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|COPY)\\s+|nextval\\(')(?:app\\.)?(\\w+)");

    @Test
    void everyTableHasOneOwningModule() throws IOException {
        Map<String, String> owners = owners();
        assertThat(owners.keySet()).as("tables created by the migrations and listed in README.md")
                .containsExactlyInAnyOrderElementsOf(tables());
        Set<String> modules = new TreeSet<>(owners.values());
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            assertThat(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList())
                    .as("owning modules exist").containsAll(modules);
        }
    }

    @Test
    void noModuleNamesAnotherModulesTableInSql() throws IOException {
        Map<String, String> owners = owners();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                Matcher m = NAMED.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String table = m.group(1).toLowerCase(Locale.ROOT);
                    String owner = owners.get(table);
                    if (owner != null && !owner.equals(module)) {
                        violations.add(SOURCES.relativize(file) + " names app." + table + " of module " + owner);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        // the patterns themselves: SQL with and without schema, sequences, and no property keys
        Matcher m = NAMED.matcher("SELECT 1 FROM app.filing f JOIN pooling_area a; nextval('app.filing_serial_seq'); app.filing.dates");
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).containsExactly("filing", "pooling_area", "filing_serial_seq");
    }

    /** Tables, views and sequences the migrations leave in schema {@code app}. */
    private static Set<String> tables() throws IOException {
        Set<String> tables = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.sorted((a, b) -> Integer.compare(version(a), version(b))).toList()) {
                String sql = Files.readString(f, StandardCharsets.UTF_8);
                CREATED_OR_DROPPED.matcher(sql).results().forEach(r -> {
                    String table = r.group(2).toLowerCase(Locale.ROOT);
                    if (r.group(1).toUpperCase(Locale.ROOT).startsWith("DROP")) {
                        tables.remove(table);
                    } else {
                        tables.add(table);
                    }
                });
            }
        }
        return tables;
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /** table → module, from README.md. */
    private static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            Matcher m = README_ROW.matcher(line);
            if (m.find()) {
                for (String t : m.group(2).split(", ")) {
                    String table = t.replace("`", "").substring("app.".length());
                    assertThat(owners.put(table, m.group(1))).as("%s has one owner", table).isNull();
                }
            }
        }
        return owners;
    }
}
