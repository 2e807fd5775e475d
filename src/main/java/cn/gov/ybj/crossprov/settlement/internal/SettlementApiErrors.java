package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.settlement.SettlementRefusal;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the settlement APIs as {@code {"code", "field", "messageZh", "messageEn"}} with their
 * status (400 bad input naming the field, 403, 404, 409, 422 a rule). Before the application-wide
 * {@code ApiErrors}, which would answer a {@code BusinessRuleException} without its code.
 */
@RestControllerAdvice(assignableTypes = {HospitalSettlementController.class, ReconciliationController.class,
        SettlementQueryController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettlementApiErrors {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Refusal(String code, String field, String messageZh, String messageEn) {
    }

    @ExceptionHandler(SettlementRefusal.class)
    ResponseEntity<Refusal> refused(SettlementRefusal e) {
        // JSON also when the request accepts only the PDF (the slip, Accept: application/pdf): a preset type skips negotiation
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(new Refusal(e.code(), e.field(), e.messageZh(), e.messageEn()));
    }
}
