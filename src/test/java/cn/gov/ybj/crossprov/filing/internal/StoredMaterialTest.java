package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.BadFiles;
import cn.gov.ybj.crossprov.TestUsers;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.SafeFileNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Materials are really parsed or decoded before they are accepted; names are made safe. */
class StoredMaterialTest {

    @Test
    void realFilesPass() {
        assertThat(StoredMaterial.check(new FilingApplication.Material("居住证明", "居住证.pdf", TestUsers.PDF)).contentType())
                .isEqualTo("application/pdf");
        assertThat(StoredMaterial.check(new FilingApplication.Material(null, "照片.png", BadFiles.png())).contentType())
                .isEqualTo("image/png");
    }

    @Test
    void filesThatOnlyLookRightAreRefused() {
        BadFiles.all().forEach((name, content) -> assertThatThrownBy(
                () -> StoredMaterial.check(new FilingApplication.Material(null, name, content)))
                .as(name).isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).messageEn()).contains(name)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ../../etc/passwd.pdf             | pdf | passwd.pdf
            C:\\Users\\x\\房产证 明.PDF        | pdf | 房产证_明.pdf
            ..\\..\\                         | pdf | 材料.pdf
            ''                               | png | 材料.png
            photo.jpeg                       | jpg | photo.jpg
            evil\u202Egpj.exe                | pdf | evilgpj.exe.pdf
            <script>alert(1)</script>.pdf    | pdf | script.pdf
            .hidden                          | pdf | hidden.pdf
            """)
    void fileNamesAreReducedToASafeForm(String original, String extension, String expected) {
        assertThat(SafeFileNames.safe(original, extension)).isEqualTo(expected);
    }

    @Test
    void invisibleAndControlCharactersAreDropped() {
        assertThat(SafeFileNames.safe("a\u200Bb\u0000c\r\nd\uFEFF\u2066.pdf", "pdf")).isEqualTo("abcd.pdf");
    }

    @Test
    void longNamesAreCut() {
        assertThat(SafeFileNames.safe("名".repeat(500) + ".pdf", "pdf")).hasSize(SafeFileNames.MAX_LENGTH).endsWith(".pdf");
    }
}
