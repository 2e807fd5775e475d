package cn.gov.ybj.crossprov;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway refuses to start an installed database when a migration appears below the highest one it
 * has applied ("resolved migration not applied"), so a new migration must take the next number. The
 * versions are 1…N without a gap, except numbers once used by work that never landed: those may sit
 * in some database's history and are never taken again.
 */
class MigrationNumbersTest {

    /** Never to be used (docs/operations.md, *Database layout*). */
    static final Set<Integer> RETIRED = Set.of(29, 30, 31);

    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    @Test
    void migrationsAreNumberedOneAfterTheOtherAndNeverTakeARetiredNumber() throws Exception {
        Set<Integer> versions = new TreeSet<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
            Matcher m = NAME.matcher(r.getFilename());
            assertThat(m.matches()).as("migration file name %s (V<number>__<lower_snake_name>.sql)", r.getFilename()).isTrue();
            assertThat(versions.add(Integer.parseInt(m.group(1)))).as("version of %s used twice", r.getFilename()).isTrue();
        }
        assertThat(versions).as("migrations found").isNotEmpty().doesNotContainAnyElementsOf(RETIRED);
        int highest = ((TreeSet<Integer>) versions).last();
        Set<Integer> expected = new TreeSet<>();
        for (int v = 1; v <= highest; v++) {
            if (!RETIRED.contains(v)) {
                expected.add(v);
            }
        }
        assertThat(versions).as("a new migration takes V%d, the number after the highest", highest + 1)
                .containsExactlyElementsOf(expected);
    }
}
