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
        assertThat(decision.getLabel()).isEqualTo("审核结论 / Decision");
        assertThat(decision.getGenericDataView().getItems()).containsExactly("APPROVE", "RETURN");
        assertThat(decision.getItemLabelGenerator().apply("RETURN")).isEqualTo("退回 / Return");
        assertThat(reason.getMaxLength()).isEqualTo(500);

        // required decision; the reason is hidden unless RETURN
        assertThat(reason.isVisible()).isFalse();
        assertThat(form.validate()).containsExactly("审核结论 / Decision");
        assertThat(decision.isInvalid()).isTrue();

        decision.setValue("RETURN");
        assertThat(reason.isVisible()).isTrue();
        reason.setValue("  材料不清晰  ");
        assertThat(form.validate()).isEmpty();
        assertThat(form.values()).isEqualTo(Map.of("decision", "RETURN", "returnReason", "材料不清晰"));

        reason.setValue("x".repeat(501));
        assertThat(form.validate()).containsExactly("退回原因 / Reason for returning");

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
        assertThat(end.getLabel()).isEqualTo("结束日期 / End date");
        assertThat(end.getId()).contains("form-endDate");
        assertThat(form.validate()).contains("开始日期 / Start date", "结束日期 / End date");

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
