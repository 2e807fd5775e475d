package cn.gov.ybj.crossprov.shared.web;

import cn.gov.ybj.crossprov.shared.UnsafeText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.WebUtils;

import java.util.Map;

/**
 * The JSON check ({@link SafeStringDeserializer}) for everything else a controller reads as text:
 * query and form parameters (multipart text parts included), path variables and the
 * Idempotency-Key header, which is stored.
 */
class UnsafeParameterInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        request.getParameterMap().forEach((name, values) -> {
            check("parameter name", name);
            if (multipart != null && isJson(multipart.getMultipartContentType(name))) {
                return; // a JSON part: SafeStringDeserializer checks it and names the field inside
            }
            for (String v : values) {
                check(name, v);
            }
        });
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars) {
            vars.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value)));
        }
        check("Idempotency-Key", request.getHeader("Idempotency-Key"));
        return true;
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().contains("json");
    }

    private static void check(String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > UnsafeText.MAX_LENGTH) {
            throw UnsafeInputException.field(field, "too long");
        }
        int bad = UnsafeText.firstUnsafe(value, false);
        if (bad >= 0) {
            throw UnsafeInputException.field(field, UnsafeText.codePoint(value.charAt(bad)));
        }
    }
}
