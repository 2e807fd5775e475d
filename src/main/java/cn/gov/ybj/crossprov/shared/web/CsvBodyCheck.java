package cn.gov.ybj.crossprov.shared.web;

import cn.gov.ybj.crossprov.shared.UnsafeText;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * CSV uploads (institution import, calendar) are text too: they must be UTF-8 and may hold line
 * breaks and tabs, but no other control, bidi or zero-width character (a leading BOM is fine).
 * The importers then check the rows.
 */
@ControllerAdvice
class CsvBodyCheck extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == byte[].class;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        MediaType type = input.getHeaders().getContentType();
        if (type == null || !type.getType().equals("text")) {
            return body;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap((byte[]) body)).toString();
        } catch (CharacterCodingException e) {
            throw new UnsafeInputException("CSV 文件", "The CSV file", "not UTF-8");
        }
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (UnsafeText.isUnsafe(c) && c != '\r' && c != '\t' && !(c == '\uFEFF' && i == 0)) {
                throw new UnsafeInputException("CSV 第 " + line + " 行", "CSV line " + line, UnsafeText.codePoint(c));
            }
        }
        return body;
    }
}
