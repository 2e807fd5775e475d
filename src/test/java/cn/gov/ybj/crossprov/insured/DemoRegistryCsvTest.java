package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.shared.IdNumber;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped demo registry is the generator's output, and its ID numbers are valid. */
class DemoRegistryCsvTest {

    private static String shipped() throws Exception {
        try (InputStream in = DemoRegistryCsvTest.class.getResourceAsStream("/reference/insured/demo-insurance-records.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shippedFileIsTheGeneratorOutput() throws Exception {
        assertThat(shipped()).isEqualTo(DemoRegistryGenerator.generate());
    }

    @Test
    void everyRowHasAValidIdNumberConsistentWithBirthDateAndSex() throws Exception {
        List<String[]> rows = Arrays.stream(shipped().split("\n"))
                .filter(l -> !l.startsWith("#") && !l.startsWith("id_number")).map(l -> l.split(",", -1)).toList();
        assertThat(rows).hasSizeGreaterThan(3000);
        for (String[] r : rows) {
            IdNumber id = IdNumber.of(r[0]);
            assertThat(id.birthDate().toString()).isEqualTo(r[3]);
            assertThat((r[0].charAt(16) - '0') % 2 == 1 ? "M" : "F").as(r[1]).isEqualTo(r[2]);
        }
        assertThat(rows.stream().map(r -> r[4]).distinct().count()).isGreaterThan(200);
    }
}
