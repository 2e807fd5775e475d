package cn.gov.ybj.crossprov.workflow.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Camunda Forms subset the clerk screens render: the shipped review form and every supported field type. */
class CamundaFormRendererTest {

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes(), UI::new);
        // the application starts in Chinese (LanguageSupport)
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void theFilingReviewFormFromFormsFolder() {
        CamundaFormRenderer form = CamundaFormRenderer.load("filing-review");
        assertThat(form.formId()).isEqualTo("filing-review");
        assertThat(form.fields()).containsOnlyKeys("decision", "returnReason");
        RadioButtonGroup<String> decision = (RadioButtonGroup<String>) form.<String>field("decision");
        TextArea reason = (TextArea) form.<String>field("returnReason");
        assertThat(decision.getId()).contains("form-decision");
        assertThat(decision.getLabel()).isEqualTo("审核结论");
        assertThat(decision.getGenericDataView().getItems()).containsExactly("APPROVE", "RETURN");
        assertThat(decision.getItemLabelGenerator().apply("RETURN")).isEqualTo("退回");
        assertThat(reason.getMaxLength()).isEqualTo(500);

        // required decision; the reason is hidden unless RETURN
        assertThat(reason.isVisible()).isFalse();
        assertThat(form.validate()).containsExactly("审核结论");
        assertThat(decision.isInvalid()).isTrue();

        decision.setValue("RETURN");
        assertThat(reason.isVisible()).isTrue();
        reason.setValue("  材料不清晰  ");
        assertThat(form.validate()).isEmpty();
        assertThat(form.values()).isEqualTo(Map.of("decision", "RETURN", "returnReason", "材料不清晰"));

        reason.setValue("x".repeat(501));
        assertThat(form.validate()).containsExactly("退回原因");

        decision.setValue("APPROVE");
        assertThat(reason.isVisible()).isFalse();
        assertThat(form.validate()).isEmpty();
        assertThat(form.values()).isEqualTo(Map.of("decision", "APPROVE"));
    }

    @Test
    void allSupportedTypesAndHideExpressions() {
        CamundaFormRenderer form = new CamundaFormRenderer("""
                {"id": "all", "components": [
                  {"type": "text", "text": "## Title\\nSome **text**"},
                  {"type": "textfield", "key": "name", "label": "Name", "validate": {"required": true, "maxLength": 5}},
                  {"type": "checkbox", "key": "urgent", "label": "Urgent"},
                  {"type": "textarea", "key": "why", "label": "Why", "conditional": {"hide": "=not(urgent)"}},
                  {"type": "textfield", "key": "note", "label": "Note", "conditional": {"hide": "=urgent"}},
                  {"type": "select", "key": "level", "label": "Level", "values": [{"label": "Low", "value": "L"}, {"label": "High", "value": "H"}]},
                  {"type": "number", "key": "days", "label": "Days", "validate": {"required": true},
                   "conditional": {"hide": "=level = \\"L\\""}},
                  {"type": "unknown", "key": "ignored"}
                ]}""");
        assertThat(form.fields()).containsOnlyKeys("name", "urgent", "why", "note", "level", "days");
        assertThat(form.field("name")).isInstanceOf(TextField.class);
        assertThat(form.field("urgent")).isInstanceOf(Checkbox.class);
        assertThat(form.field("level")).isInstanceOf(Select.class);
        assertThat(form.field("days")).isInstanceOf(NumberField.class);

        assertThat(((TextArea) form.<String>field("why")).isVisible()).isFalse();
        assertThat(((TextField) form.<String>field("note")).isVisible()).isTrue();
        form.<Boolean>field("urgent").setValue(true);
        assertThat(((TextArea) form.<String>field("why")).isVisible()).isTrue();
        assertThat(((TextField) form.<String>field("note")).isVisible()).isFalse();

        assertThat(form.validate()).containsExactlyInAnyOrder("Name", "Days");
        form.<String>field("level").setValue("L");
        assertThat(form.validate()).containsExactly("Name");
        form.<String>field("name").setValue("toolong");
        assertThat(form.validate()).containsExactly("Name");
        form.<String>field("name").setValue("ok");
        assertThat(form.validate()).isEmpty();
        assertThat(form.values()).isEqualTo(Map.of("name", "ok", "urgent", true, "level", "L"));
    }

    @Test
    void aFormShowsTheUiLanguageOnly() {
        CamundaFormRenderer zh = CamundaFormRenderer.load("filing-review");
        assertThat(texts(zh)).contains("审核备案申请", "审核结论", "通过", "退回", "退回原因")
                .noneMatch(t -> t.contains("Approve") || t.contains(" / ") || t.matches(".*[a-z]{2,}.*"));

        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        CamundaFormRenderer en = CamundaFormRenderer.load("filing-review");
        assertThat(texts(en)).contains("Review the filing", "Decision", "Approve", "Return", "Reason for returning",
                "Required when returning").noneMatch(CamundaFormRenderer::hasChinese);
        assertThat(en.validate()).containsExactly("Decision");
    }

    /** Every label, option, description and text line of every form in forms/ has a Chinese and an English part. */
    @Test
    void everyFormSpeaksOneLanguageAtATime() throws java.io.IOException {
        java.util.List<java.nio.file.Path> files;
        try (var list = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
            files = list.filter(f -> f.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (java.nio.file.Path f : files) {
            com.fasterxml.jackson.databind.JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile());
            for (String text : shownTexts(form)) {
                String zh = CamundaFormRenderer.inLanguage(text, false);
                String en = CamundaFormRenderer.inLanguage(text, true);
                if (zh.matches(".*[a-z]{2,}.*") || CamundaFormRenderer.hasChinese(en) || zh.equals(en)) {
                    problems.add(f.getFileName() + ": " + text);
                }
            }
            // and rendered: the fields' labels and options in Chinese mode carry no English
            UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
            String id = f.getFileName().toString().replace(".form", "");
            texts(CamundaFormRenderer.load(id)).stream().filter(t -> t.matches(".*[a-z]{2,}.*"))
                    .forEach(t -> problems.add(id + " (zh): " + t));
            UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
            texts(CamundaFormRenderer.load(id)).stream().filter(CamundaFormRenderer::hasChinese)
                    .forEach(t -> problems.add(id + " (en): " + t));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void bilingualTextsSplitAtTheSlashBetweenTheLanguages() {
        assertThat(CamundaFormRenderer.inLanguage("通过 / Approve", false)).isEqualTo("通过");
        assertThat(CamundaFormRenderer.inLanguage("通过 / Approve", true)).isEqualTo("Approve");
        assertThat(CamundaFormRenderer.inLanguage("个人账户到账金额（元）/ Amount received (yuan)", true)).isEqualTo("Amount received (yuan)");
        assertThat(CamundaFormRenderer.inLanguage("PDF/JPG 文件 / PDF or JPG files", false)).isEqualTo("PDF/JPG 文件");
        assertThat(CamundaFormRenderer.inLanguage("Name", false)).isEqualTo("Name");
        assertThat(CamundaFormRenderer.inLanguage("姓名", true)).isEqualTo("姓名");
    }

    /** What the form definition puts on screen: labels, options, descriptions and each line of its texts. */
    private static java.util.List<String> shownTexts(com.fasterxml.jackson.databind.JsonNode node) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        node.findValues("label").forEach(v -> texts.add(v.asText()));
        node.findValues("dateLabel").forEach(v -> texts.add(v.asText()));
        node.findValues("description").forEach(v -> texts.add(v.asText()));
        node.findValues("text").forEach(v -> java.util.Arrays.stream(v.asText().split("\n"))
                .map(l -> l.replaceFirst("^#+\\s*", "").strip()).filter(l -> !l.isEmpty()).forEach(texts::add));
        return texts;
    }

    /** Headings, paragraphs, field labels, helper texts and option labels as rendered. */
    private static java.util.List<String> texts(CamundaFormRenderer form) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        form.getChildren().filter(c -> c instanceof com.vaadin.flow.component.HasText)
                .forEach(c -> texts.add(((com.vaadin.flow.component.HasText) c).getText()));
        for (CamundaFormRenderer.Field f : form.fields().values()) {
            texts.add(f.label());
            if (f.component() instanceof com.vaadin.flow.component.HasHelper h && h.getHelperText() != null) {
                texts.add(h.getHelperText());
            }
            if (f.component() instanceof RadioButtonGroup<?> r) {
                @SuppressWarnings("unchecked")
                RadioButtonGroup<String> radio = (RadioButtonGroup<String>) r;
                radio.getGenericDataView().getItems().forEach(i -> texts.add(radio.getItemLabelGenerator().apply(i)));
            }
            if (f.component() instanceof Select<?> s) {
                @SuppressWarnings("unchecked")
                Select<String> select = (Select<String>) s;
                select.getGenericDataView().getItems().forEach(i -> texts.add(select.getItemLabelGenerator().apply(i)));
            }
        }
        return texts;
    }

    @Test
    void hideExpressions() {
        Map<String, Object> v = Map.of("decision", "RETURN", "flag", true);
        assertThat(CamundaFormRenderer.hidden("=decision != \"RETURN\"", v)).isFalse();
        assertThat(CamundaFormRenderer.hidden("=decision != \"APPROVE\"", v)).isTrue();
        assertThat(CamundaFormRenderer.hidden("=decision = \"RETURN\"", v)).isTrue();
        assertThat(CamundaFormRenderer.hidden("=flag", v)).isTrue();
        assertThat(CamundaFormRenderer.hidden("=not(flag)", v)).isFalse();
        assertThat(CamundaFormRenderer.hidden("=missing", v)).isFalse();
        assertThat(CamundaFormRenderer.hidden(null, v)).isFalse();
    }

    @Test
    void dateOnlyDatetimeFieldIsADatePickerSubmittingAnIsoDate() {
        CamundaFormRenderer form = CamundaFormRenderer.load("filing-change");
        assertThat(form.fields()).containsOnlyKeys("startDate", "endDate", "contactName", "contactPhone", "contactAddress",
                "institutionCode");
        com.vaadin.flow.component.datepicker.DatePicker end =
                (com.vaadin.flow.component.datepicker.DatePicker) form.<java.time.LocalDate>field("endDate");
        assertThat(end.getLabel()).isEqualTo("结束日期");
        assertThat(end.getId()).contains("form-endDate");
        assertThat(form.validate()).contains("开始日期", "结束日期");

        form.<java.time.LocalDate>field("startDate").setValue(java.time.LocalDate.of(2030, 1, 1));
        end.setValue(java.time.LocalDate.of(2030, 6, 30));
        form.<String>field("contactName").setValue("张三");
        form.<String>field("contactPhone").setValue("13800138000");
        form.<String>field("contactAddress").setValue("示例路 1 号");
        assertThat(form.validate()).isEmpty();
        assertThat(form.values()).containsEntry("startDate", "2030-01-01").containsEntry("endDate", "2030-06-30")
                .doesNotContainKey("institutionCode");

        // other datetime subtypes are not supported and skipped
        CamundaFormRenderer timeOnly = new CamundaFormRenderer("""
                {"id": "t", "components": [{"type": "datetime", "subtype": "time", "key": "at", "timeLabel": "At"},
                  {"type": "datetime", "key": "day", "subtype": "date", "dateLabel": "Day",
                   "conditional": {"hide": "=day = \\"2030-01-02\\""}}]}""");
        assertThat(timeOnly.fields()).containsOnlyKeys("day");
        timeOnly.<java.time.LocalDate>field("day").setValue(java.time.LocalDate.of(2030, 1, 2));
        assertThat(timeOnly.fields().get("day").component().isVisible()).isFalse();
    }
}
