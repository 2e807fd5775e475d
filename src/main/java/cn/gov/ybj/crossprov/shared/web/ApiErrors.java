package cn.gov.ybj.crossprov.shared.web;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.UnsafeText;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Refusals of the REST API in one shape: {@code {"messageZh": .., "messageEn": ..}}. Bad input is
 * a 4xx naming the field where there is one; anything unforeseen under {@code /api/} is a bare
 * bilingual 500 (logged, never a stack trace in the body). Outside {@code /api/} Spring's own
 * handling stays (the handlers rethrow). {@link ApiErrorDocumentation} puts these answers into the
 * OpenAPI description.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    record Problem(String messageZh, String messageEn) {
    }

    @ExceptionHandler(BusinessRuleException.class)
    ResponseEntity<Problem> rule(BusinessRuleException e) {
        return ResponseEntity.unprocessableEntity().body(new Problem(e.messageZh(), e.messageEn()));
    }

    @ExceptionHandler(UnsafeInputException.class)
    ResponseEntity<Problem> unsafe(UnsafeInputException e) {
        return unsafeText(e.whereZh(), e.whereEn(), e.detail());
    }

    /** The firewall checks headers when they are read, so a bad one can surface in a controller. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Problem> rejected(RequestRejectedException e, HttpServletRequest request) throws RequestRejectedException {
        requireApi(e, request);
        return ResponseEntity.badRequest().body(new Problem(InputHardening.REJECTED_ZH, InputHardening.REJECTED_EN));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Problem> multipart(MultipartException e, HttpServletRequest request) throws MultipartException {
        requireApi(e, request);
        if (causedBy(e, "FileCountLimitExceededException")) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(new Problem(
                    "上传的部件过多：一次最多 30 个文件和字段", "Too many parts in the upload: at most 30 files and fields"));
        }
        if (e instanceof MaxUploadSizeExceededException || causedBy(e, "SizeLimitExceededException")) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(new Problem("上传文件过大：每个文件不超过 10 MB", "Upload too large: at most 10 MB per file"));
        }
        return ResponseEntity.badRequest().body(new Problem("上传内容格式不正确（multipart/form-data）",
                "Malformed upload (multipart/form-data)"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        // a value's own factory refused it for a business reason (e.g. FilingType EMERGENCY)
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BusinessRuleException rule) {
                return rule(rule);
            }
        }
        if (cause instanceof SafeStringDeserializer.UnsafeJsonText u) {
            UnsafeInputException f = UnsafeInputException.field(u.field, u.detail);
            return unsafeText(f.whereZh(), f.whereEn(), f.detail());
        }
        if (cause instanceof JsonParseException p) {
            Matcher m = DUPLICATE.matcher(String.valueOf(p.getOriginalMessage()));
            if (m.find()) {
                return ResponseEntity.badRequest().body(new Problem("字段 " + m.group(1) + " 重复出现",
                        "Field " + m.group(1) + " appears more than once"));
            }
            return ResponseEntity.badRequest().body(new Problem("请求内容不是有效的 JSON", "The request body is not valid JSON"));
        }
        if (cause instanceof JsonMappingException j && !j.getPath().isEmpty()
                && (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException
                || cause instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException)) {
            String field = j.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            // the field's own type where Jackson knows it; an instantiation failing is an enum's factory
            // (FilingType.of) or a record's constructor, whose type says nothing about the field
            Problem expected = cause instanceof MismatchedInputException m ? expected(m.getTargetType())
                    : cause instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException v
                    && v.getType() != null && v.getType().isEnumType() ? expected(v.getType().getRawClass()) : null;
            if (expected != null) {
                return ResponseEntity.badRequest().body(new Problem("字段 " + field + " 格式不正确（" + expected.messageZh() + "）",
                        "Field " + field + " is malformed (" + expected.messageEn() + ")"));
            }
            return ResponseEntity.badRequest().body(new Problem("字段 " + field + " 格式不正确（日期为 yyyy-MM-dd，枚举值须取规定值）",
                    "Field " + field + " is malformed (dates are yyyy-MM-dd, enumerations take listed values)"));
        }
        return ResponseEntity.badRequest().body(new Problem("请求格式不正确（日期为 yyyy-MM-dd，枚举值须取规定值）",
                "Malformed request (dates are yyyy-MM-dd, enumerations take listed values)"));
    }

    /** A query parameter, path variable or header that does not convert: named, with what it should be. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> mismatch(MethodArgumentTypeMismatchException e) {
        Problem expected = expected(e.getRequiredType());
        if (expected != null) {
            return ResponseEntity.badRequest().body(new Problem("参数 " + e.getName() + " 格式不正确（" + expected.messageZh() + "）",
                    "Parameter " + e.getName() + " is malformed (" + expected.messageEn() + ")"));
        }
        return ResponseEntity.badRequest().body(new Problem("参数 " + e.getName() + " 格式不正确",
                "Parameter " + e.getName() + " is malformed"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request)
            throws MissingServletRequestParameterException {
        requireApi(e, request);
        return ResponseEntity.badRequest().body(new Problem("缺少参数 " + e.getParameterName(),
                "Missing parameter " + e.getParameterName()));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Problem> missingHeader(MissingRequestHeaderException e) {
        return ResponseEntity.badRequest().body(new Problem("缺少请求头 " + e.getHeaderName(), "Missing header " + e.getHeaderName()));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Problem> missingPart(MissingServletRequestPartException e) {
        return ResponseEntity.badRequest().body(new Problem("缺少上传部件 " + e.getRequestPartName(),
                "Missing part " + e.getRequestPartName()));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Problem> notFound(Exception e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("未找到请求的资源", "Not found"));
    }

    /** Last resort: Spring's own 4xx (405, 415, …) keep their status; anything else is a logged 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> other(Exception e, HttpServletRequest request) throws Exception {
        requireApi(e, request);
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security answers 401/403
        }
        if (e instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
            return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders()).body(clientError(r.getStatusCode()));
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError().body(new Problem("系统内部错误，请稍后再试", "Internal error, please try again later"));
    }

    private static Problem clientError(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> new Problem("未找到请求的资源", "Not found");
            case 405 -> new Problem("不支持该请求方法", "Method not allowed");
            case 406 -> new Problem("无法提供所请求的格式", "Requested format not available");
            case 413 -> new Problem("请求内容过大", "Request too large");
            case 415 -> new Problem("不支持该内容类型", "Unsupported content type");
            default -> new Problem("请求不正确", "Bad request");
        };
    }

    /** What a value of this type looks like, in both languages; null where there is nothing short to say. */
    static Problem expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return new Problem("取值：" + String.join("、", names), "one of " + String.join(", ", names));
        }
        if (type == LocalDate.class) {
            return new Problem("日期为 yyyy-MM-dd", "a date yyyy-MM-dd");
        }
        if (type == YearMonth.class) {
            return new Problem("年月为 yyyy-MM", "a month yyyy-MM");
        }
        if (type == UUID.class) {
            return new Problem("应为 UUID", "a UUID");
        }
        if (type == boolean.class || type == Boolean.class) {
            return new Problem("应为 true 或 false", "true or false");
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return new Problem("应为数字", "a number");
        }
        return null;
    }

    private static ResponseEntity<Problem> unsafeText(String whereZh, String whereEn, String detail) {
        if ("too long".equals(detail)) {
            return ResponseEntity.badRequest().body(new Problem(whereZh + " 过长（最多 " + UnsafeText.MAX_LENGTH + " 个字符）",
                    whereEn + " is too long (at most " + UnsafeText.MAX_LENGTH + " characters)"));
        }
        if ("not UTF-8".equals(detail)) {
            return ResponseEntity.badRequest().body(new Problem(whereZh + " 不是 UTF-8 编码", whereEn + " is not UTF-8 encoded"));
        }
        return ResponseEntity.badRequest().body(new Problem(whereZh + " 含有不允许的控制字符或不可见字符（" + detail + "）",
                whereEn + " contains a control or invisible character that is not allowed (" + detail + ")"));
    }

    /** Outside the API, hand the exception back to Spring (Vaadin, Camunda, error pages). */
    private static <E extends Exception> void requireApi(E e, HttpServletRequest request) throws E {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
    }

    private static boolean causedBy(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }
}
