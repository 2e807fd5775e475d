package cn.gov.ybj.crossprov.workflow.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a Camunda Form ({@code forms/<id>.form}, the same definition Tasklist shows) as Vaadin
 * fields: text, textfield, textarea, radio, checkbox, select, number, datetime (subtype date only:
 * a DatePicker, submitted as an ISO date string like Camunda Forms do) with label, description,
 * {@code validate.required}, {@code validate.maxLength} and simple {@code conditional.hide}
 * expressions ({@code =key}, {@code =not(key)}, {@code =key = "V"}, {@code =key != "V"}).
 * Each field gets the id {@code form-<key>}. The forms are written for Tasklist too, so a label,
 * option, description and text line carries both languages as 「中文 / English」; the screen shows
 * only the part of the UI's language ({@link #inLanguage}).
 */
public class CamundaFormRenderer extends VerticalLayout {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMPARE = Pattern.compile("^=\\s*([\\w.]+)\\s*(!=|==|=)\\s*\"([^\"]*)\"\\s*$");
    private static final Pattern NOT = Pattern.compile("^=\\s*not\\(\\s*([\\w.]+)\\s*\\)\\s*$");
    private static final Pattern KEY = Pattern.compile("^=\\s*([\\w.]+)\\s*$");

    /** A rendered input: its definition and component. */
    public record Field(String key, String type, String label, boolean required, Integer maxLength, String hide,
                        Component component) {
    }

    private final String formId;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final boolean english;

    /** Reads {@code /forms/<formId>.form} from the classpath. */
    public static CamundaFormRenderer load(String formId) {
        try (InputStream in = CamundaFormRenderer.class.getResourceAsStream("/forms/" + formId + ".form")) {
            if (in == null) {
                throw new IllegalArgumentException("No form " + formId + " on the classpath");
            }
            return new CamundaFormRenderer(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CamundaFormRenderer(String json) {
        this(read(json));
    }

    private CamundaFormRenderer(JsonNode form) {
        this.formId = form.path("id").asText();
        this.english = cn.gov.ybj.crossprov.ui.Errors.english(this);
        setPadding(false);
        setSpacing(true);
        for (JsonNode c : form.path("components")) {
            render(c);
        }
        fields.values().forEach(f -> ((HasValue<?, ?>) f.component()).addValueChangeListener(e -> applyConditions()));
        applyConditions();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String formId() {
        return formId;
    }

    private void render(JsonNode c) {
        String type = c.path("type").asText();
        if ("text".equals(type)) {
            for (String line : c.path("text").asText().split("\n")) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                add(l.startsWith("#") ? new H4(text(l.replaceFirst("^#+\\s*", ""))) : new Paragraph(text(l.replace("**", ""))));
            }
            return;
        }
        String key = c.path("key").asText(null);
        if (key == null) {
            return; // layout elements without a value are not supported and skipped
        }
        String label = text(c.path("label").asText(c.path("dateLabel").asText("")));
        String description = text(c.path("description").asText(null));
        JsonNode validate = c.path("validate");
        boolean required = validate.path("required").asBoolean(false);
        Integer maxLength = validate.has("maxLength") ? validate.path("maxLength").asInt() : null;
        String hide = c.path("conditional").path("hide").asText(null);
        Component component = switch (type) {
            case "textfield" -> {
                TextField f = new TextField(label);
                if (maxLength != null) {
                    f.setMaxLength(maxLength);
                }
                f.setHelperText(description);
                f.setRequiredIndicatorVisible(required);
                yield f;
            }
            case "textarea" -> {
                TextArea f = new TextArea(label);
                if (maxLength != null) {
                    f.setMaxLength(maxLength);
                }
                f.setHelperText(description);
                f.setRequiredIndicatorVisible(required);
                f.setWidthFull();
                yield f;
            }
            case "number" -> {
                NumberField f = new NumberField(label);
                f.setHelperText(description);
                f.setRequiredIndicatorVisible(required);
                yield f;
            }
            case "datetime" -> {
                if (!"date".equals(c.path("subtype").asText("date"))) {
                    yield null; // time and datetime subtypes are not supported
                }
                DatePicker f = new DatePicker(label);
                f.setHelperText(description);
                f.setRequiredIndicatorVisible(required);
                yield f;
            }
            case "checkbox" -> new Checkbox(label);
            case "radio" -> {
                RadioButtonGroup<String> f = new RadioButtonGroup<>(label);
                Map<String, String> labels = options(c);
                f.setItems(labels.keySet());
                f.setItemLabelGenerator(labels::get);
                f.setHelperText(description);
                f.setRequiredIndicatorVisible(required);
                yield f;
            }
            case "select" -> {
                Select<String> f = new Select<>();
                f.setLabel(label);
                Map<String, String> labels = options(c);
                f.setItems(labels.keySet());
                f.setItemLabelGenerator(v -> v == null ? "" : labels.getOrDefault(v, v));
                f.setHelperText(description);
                f.setRequiredIndicatorVisible(required);
                yield f;
            }
            default -> null;
        };
        if (component == null) {
            return;
        }
        component.setId("form-" + key);
        fields.put(key, new Field(key, type, label, required, maxLength, hide, component));
        add(component);
    }

    private Map<String, String> options(JsonNode c) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (JsonNode v : c.path("values")) {
            labels.put(v.path("value").asText(), text(v.path("label").asText(v.path("value").asText())));
        }
        return labels;
    }

    private String text(String bilingual) {
        return inLanguage(bilingual, english);
    }

    /**
     * 「通过 / Approve」 → 通过, or Approve in English: the text splits at the first slash with
     * Chinese before it and only Latin text after it (a slash inside either part stays). A text in
     * one language is returned as it is.
     */
    public static String inLanguage(String text, boolean english) {
        if (text == null) {
            return null;
        }
        for (int i = text.indexOf('/'); i >= 0; i = text.indexOf('/', i + 1)) {
            String zh = text.substring(0, i).strip();
            String en = text.substring(i + 1).strip();
            if (hasChinese(zh) && !hasChinese(en) && en.chars().anyMatch(Character::isLetter)) {
                return english ? en : zh;
            }
        }
        return text;
    }

    static boolean hasChinese(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    public Map<String, Field> fields() {
        return fields;
    }

    @SuppressWarnings("unchecked")
    public <V> HasValue<?, V> field(String key) {
        Field f = fields.get(key);
        return f == null ? null : (HasValue<?, V>) f.component();
    }

    /** Shows or hides the fields whose {@code conditional.hide} depends on the current values. */
    public void applyConditions() {
        Map<String, Object> current = rawValues();
        fields.values().forEach(f -> f.component().setVisible(!hidden(f.hide(), current)));
    }

    /** Evaluates the supported subset of FEEL hide expressions; anything else never hides. */
    static boolean hidden(String expression, Map<String, Object> values) {
        if (expression == null || expression.isBlank()) {
            return false;
        }
        String e = expression.strip();
        Matcher m = COMPARE.matcher(e);
        if (m.matches()) {
            String actual = values.get(m.group(1)) == null ? null : String.valueOf(values.get(m.group(1)));
            boolean equal = m.group(3).equals(actual);
            return "!=".equals(m.group(2)) != equal;
        }
        m = NOT.matcher(e);
        if (m.matches()) {
            return !truthy(values.get(m.group(1)));
        }
        m = KEY.matcher(e);
        if (m.matches()) {
            return truthy(values.get(m.group(1)));
        }
        return false;
    }

    private static boolean truthy(Object v) {
        return v != null && !Boolean.FALSE.equals(v) && !"".equals(v);
    }

    private Map<String, Object> rawValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((key, f) -> {
            Object v = ((HasValue<?, ?>) f.component()).getValue();
            if (v instanceof String s) {
                v = s.strip();
            } else if (v instanceof java.time.LocalDate d) {
                v = d.toString(); // ISO yyyy-MM-dd, as Camunda Forms submit a date
            }
            values.put(key, v);
        });
        return values;
    }

    /** The values of the visible fields (hidden ones are left out, as Camunda Forms do). Empty texts are left out too. */
    public Map<String, Object> values() {
        applyConditions();
        Map<String, Object> values = new LinkedHashMap<>();
        rawValues().forEach((key, v) -> {
            if (fields.get(key).component().isVisible() && v != null && !"".equals(v)) {
                values.put(key, v);
            }
        });
        return values;
    }

    /** Checks required and maxLength on the visible fields, marks invalid ones; returns the labels of the failing fields. */
    public List<String> validate() {
        applyConditions();
        List<String> failing = new ArrayList<>();
        Map<String, Object> values = rawValues();
        for (Field f : fields.values()) {
            Object v = values.get(f.key());
            String problem = null;
            if (f.component().isVisible()) {
                boolean empty = v == null || "".equals(v) || ("checkbox".equals(f.type()) && !Boolean.TRUE.equals(v));
                if (f.required() && empty) {
                    problem = getTranslation("form.required");
                } else if (f.maxLength() != null && v instanceof String s && s.length() > f.maxLength()) {
                    problem = getTranslation("form.maxLength", f.maxLength());
                }
            }
            if (f.component() instanceof com.vaadin.flow.component.HasValidation hv) {
                hv.setErrorMessage(problem);
                hv.setInvalid(problem != null);
            }
            if (problem != null) {
                failing.add(f.label());
            }
        }
        return failing;
    }
}
