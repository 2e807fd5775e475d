package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.settlement.HospitalSettlement;
import cn.gov.ybj.crossprov.settlement.HospitalSettlements;
import cn.gov.ybj.crossprov.settlement.SettlementDetails;
import cn.gov.ybj.crossprov.settlement.SettlementRefusal;
import cn.gov.ybj.crossprov.settlement.SettlementSlips;
import cn.gov.ybj.crossprov.settlement.SettlementUpload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * 住院直接结算 for hospital systems: bearer token of the provincial realm's client {@code hospital-system}
 * (role HOSPITAL, claim {@code institution_code}). Refusals are
 * {@code {"code", "field", "messageZh", "messageEn"}}: 400 bad input (field), 403 another institution,
 * 404 no such settlement of this institution, 409 settlement number reused, 422 the rules.
 */
@RestController
@Tag(name = "住院直接结算（医疗机构）/ Hospital settlements")
class HospitalSettlementController {

    private final CurrentUser currentUser;
    private final HospitalSettlements settlements;
    private final SettlementSlips slips;

    HospitalSettlementController(CurrentUser currentUser, HospitalSettlements settlements, SettlementSlips slips) {
        this.currentUser = currentUser;
        this.settlements = settlements;
        this.slips = slips;
    }

    record ReversalBody(String reason) {
    }

    @PostMapping(value = "/api/hospital/settlements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "出院结算上传，即时返回参保地计算的分割 / Upload a discharge settlement; answers the split at once",
            description = "Idempotent by institution + settlementNo: a retry with the same body answers the stored settlement, "
                    + "the same number with another body 409. Amounts are JSON numbers in yuan with at most two decimals. "
                    + "422 codes: INSTITUTION_NOT_NETWORKED, PERSON_NOT_FOUND, INSURANCE_NOT_NORMAL, PAYING_PROVINCE_SUSPENDED, "
                    + "NOT_CROSS_PROVINCE, NO_VALID_FILING (unless emergency = 异地急诊抢救), NO_POLICY_IN_FORCE.")
    @ApiResponse(responseCode = "200", description = "the split: funds by name in the policy's order, deductible, personal cash, policy used")
    @ApiResponse(responseCode = "409", description = "结算单号已用于另一内容（SETTLEMENT_NO_REUSED）/ The settlementNo was used with another body")
    HospitalSettlement upload(@RequestBody SettlementUpload body) {
        return settlements.upload(currentUser.get().orElse(null), body);
    }

    @GetMapping("/api/hospital/settlements/{settlementNo}")
    @Operation(summary = "查询本机构的结算 / One of this institution's settlements")
    HospitalSettlement find(@PathVariable String settlementNo) {
        return settlements.find(currentUser.get().orElse(null), settlementNo)
                .orElseThrow(() -> new SettlementRefusal(404, SettlementRefusal.NOT_FOUND, null,
                        "本机构没有结算单号为 " + settlementNo + " 的结算", "This institution has no settlement number " + settlementNo));
    }

    @GetMapping("/api/hospital/settlements/{settlementNo}/slip.pdf")
    @Operation(summary = "住院结算单 PDF（附件6，仅本机构）/ The settlement slip of 003 附件6 as PDF, this institution's only",
            description = "Every field of 附件6 in its order; the funds by the names the insured area's policy gives them; "
                    + "amounts in yuan with two decimals; the full 社会保障号码 (the person's own document). A reversed "
                    + "settlement is marked 已冲正. Another institution's or an unknown number: 404 SETTLEMENT_NOT_FOUND (JSON).")
    @ApiResponse(responseCode = "200", description = "the slip", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    @ApiResponse(responseCode = "404", description = "no settlement of this institution with that number",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    ResponseEntity<byte[]> slip(@PathVariable String settlementNo) {
        byte[] pdf = slips.forHospital(currentUser.get().orElse(null), settlementNo)
                .orElseThrow(() -> new SettlementRefusal(404, SettlementRefusal.NOT_FOUND, null,
                        "本机构没有结算单号为 " + settlementNo + " 的结算", "This institution has no settlement number " + settlementNo));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("住院结算单-" + settlementNo + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    @PostMapping(value = "/api/hospital/settlements/{settlementNo}/reversal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "冲正（仅本机构，须填原因，留痕）/ Reverse a settlement of this institution, with a reason (audited)")
    HospitalSettlement reverse(@PathVariable String settlementNo, @RequestBody ReversalBody body) {
        return settlements.reverse(currentUser.get().orElse(null), settlementNo, body == null ? null : body.reason());
    }

    @PostMapping(value = "/api/hospital/settlements/{settlementNo}/details", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "上传医疗费用明细（出院后 5 日内，第三十条）/ Upload fee details within 5 days of the discharge",
            description = "By batch: a batchNo already stored is not stored again. Later than 5 days: 422 DETAILS_TOO_LATE.")
    SettlementDetails.Receipt details(@PathVariable String settlementNo, @RequestBody SettlementDetails body) {
        return settlements.addDetails(currentUser.get().orElse(null), settlementNo, body);
    }
}
