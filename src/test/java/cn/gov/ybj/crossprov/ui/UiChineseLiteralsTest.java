package cn.gov.ybj.crossprov.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 point 5, beside {@link RouteLanguageWalkTest} for what a walk does not open (dialogs, results after a click):
 * no Chinese string literal in the screens' code ({@code src/main/java/**}{@code /ui/}) — their texts are translation
 * keys. Allowed, each for its reason: the Chinese half of a bilingual message (a {@code BusinessRuleException} or policy
 * problem with its English beside it), parsing of what a person typed, and the printed documents' file names.
 */
class UiChineseLiteralsTest {

    private static final Pattern CHINESE_LITERAL = Pattern.compile("\"[^\"]*[\\p{IsHan}\\uFF01-\\uFF65\\u3000-\\u303F][^\"]*\"");
    private static final Pattern COMMENT = Pattern.compile("^\\s*(\\*|//|/\\*)");
    /** a line that names its English twin itself */
    private static final Pattern BILINGUAL = Pattern.compile("BusinessRuleException\\(|PolicyProblem\\(");
    private static final List<String> ALLOWED = List.of(
            // PolicyAdminView builds each problem in both languages from the parts it checks
            "settlement/ui/PolicyAdminView.java",
            // parsing typed input: a full-width comma or code in brackets is accepted as typed
            "filing/ui/ChronicChoiceView.java:157",
            // file names of the printed documents (Chinese by rule)
            "transfer/ui/TransferPanels.java:179", "transfer/ui/TransferPanels.java:181", "transfer/ui/TransferPanels.java:183");

    @Test
    void theScreensCodeHasNoChineseOnlyText() throws IOException {
        Path root = Path.of("src/main/java/cn/gov/ybj/crossprov");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/ui/")).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    String where = name + ":" + (i + 1);
                    if (COMMENT.matcher(line).find() || !CHINESE_LITERAL.matcher(line).find()
                            || ALLOWED.contains(name) || ALLOWED.contains(where) || BILINGUAL.matcher(line).find()) {
                        continue;
                    }
                    found.add(where + ": " + line.strip());
                }
            }
        }
        assertThat(found).as("Chinese-only literals in screens' code: use translation keys").isEmpty();
    }

    @Test
    void theCheckFindsAChineseOnlyLiteral() {
        assertThat(CHINESE_LITERAL.matcher("label.setText(\"合计\");").find()).isTrue();
        assertThat(CHINESE_LITERAL.matcher("label.setText(a + \"：\" + b);").find()).isTrue();
        assertThat(CHINESE_LITERAL.matcher("label.setText(getTranslation(\"common.total\"));").find()).isFalse();
    }
}
