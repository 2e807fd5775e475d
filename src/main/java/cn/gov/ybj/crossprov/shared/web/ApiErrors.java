package cn.gov.ybj.crossprov.shared.web;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Refusals of the REST API in one shape: {@code {"messageZh": .., "messageEn": ..}}. */
@RestControllerAdvice(basePackages = "cn.gov.ybj.crossprov")
class ApiErrors {

    record Problem(String messageZh, String messageEn) {
    }

    @ExceptionHandler(BusinessRuleException.class)
    ResponseEntity<Problem> rule(BusinessRuleException e) {
        return ResponseEntity.unprocessableEntity().body(new Problem(e.messageZh(), e.messageEn()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Problem> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(new Problem("上传文件过大：每个文件不超过 10 MB", "Upload too large: at most 10 MB per file"));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Problem> unreadable(Exception e) {
        return ResponseEntity.badRequest().body(new Problem("请求格式不正确（日期为 yyyy-MM-dd，枚举值须取规定值）",
                "Malformed request (dates are yyyy-MM-dd, enumerations take listed values)"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Problem> missingHeader(MissingRequestHeaderException e) {
        return ResponseEntity.badRequest().body(new Problem("缺少请求头 " + e.getHeaderName(), "Missing header " + e.getHeaderName()));
    }
}
