package cn.gov.ybj.crossprov;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows become records through written-out {@code RowMapper}s. {@code JdbcClient.query(SomeRecord.class)} maps by
 * reflection and tries each camelCase component as a column name before the underscored one; PostgreSQL's driver
 * builds an exception with a formatted message for every miss: 4.7 % of a filing's JVM samples came from two such
 * lookups (docs/benchmarks.md). Single values ({@code query(String.class)}) map by type and stay.
 */
class RowMappingTest {

    private static final Path SOURCES = Path.of("src/main/java/cn/gov/ybj/crossprov");
    private static final Pattern QUERY_BY_CLASS = Pattern.compile("\\.query\\(\\s*([A-Z][A-Za-z0-9_.]*)\\.class\\s*\\)");
    private static final Set<String> SINGLE_VALUES = Set.of("String", "Long", "Integer", "Short", "Boolean", "Double",
            "BigDecimal", "UUID", "LocalDate", "Instant", "OffsetDateTime");

    @Test
    void noQueryMapsRowsToARecordByReflection() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = QUERY_BY_CLASS.matcher(Files.readString(file));
                while (m.find()) {
                    if (!SINGLE_VALUES.contains(m.group(1))) {
                        found.add(SOURCES.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("queries mapping rows by reflection; write a RowMapper").isEmpty();
    }
}
