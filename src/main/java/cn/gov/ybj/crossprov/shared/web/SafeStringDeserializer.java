package cn.gov.ybj.crossprov.shared.web;

import cn.gov.ybj.crossprov.shared.UnsafeText;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/**
 * Every JSON string the API reads passes here: control, bidi and zero-width characters and overlong
 * values are refused with the field's path, so no controller or rule has to remember it.
 */
class SafeStringDeserializer extends StdScalarDeserializer<String> {

    SafeStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        if (value == null) {
            return null;
        }
        String field = path(p.getParsingContext().pathAsPointer());
        if (value.length() > UnsafeText.MAX_LENGTH) {
            throw new UnsafeJsonText(p, field, "too long");
        }
        int bad = UnsafeText.firstUnsafe(value, UnsafeText.isMultiLineField(field));
        if (bad >= 0) {
            throw new UnsafeJsonText(p, field, UnsafeText.codePoint(value.charAt(bad)));
        }
        return value;
    }

    /** "/materials/0/name" → "materials[0].name". */
    static String path(JsonPointer pointer) {
        StringBuilder b = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                b.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                b.append(b.isEmpty() ? "" : ".").append(p.getMatchingProperty());
            }
        }
        return b.toString();
    }

    /** A JSON mapping problem, so Spring turns it into HttpMessageNotReadableException like any other. */
    static class UnsafeJsonText extends JsonMappingException {

        final String field;
        final String detail;

        UnsafeJsonText(JsonParser p, String field, String detail) {
            super(p, "unsafe text in " + field + ": " + detail);
            this.field = field;
            this.detail = detail;
        }
    }
}
