package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.RegionCode;

import java.time.LocalDate;
import java.util.List;

/**
 * 备案查询 of a clerk of the insured area: every criterion is optional and they all apply together. The ID number,
 * filing number and name match exactly (the name as written, trimmed); the filing number matches the 备案编号 or the
 * 申请流水号; the destination is a province (all its cities) or a city or district code; the dates bound the day of
 * submission (申请日期), both inclusive. Results are newest first, one page at a time.
 */
public record FilingQuery(String idNumber, String name, String filingNumber, FilingStatus status, FilingType type,
                          String destination, LocalDate submittedFrom, LocalDate submittedTo, int page, int size) {

    public static final int MAX_SIZE = 100;

    /** Nothing but the first page of 20: the area's newest filings. */
    public static FilingQuery all() {
        return new FilingQuery(null, null, null, null, null, null, null, null, 0, 20);
    }

    /** The same criteria, another page. */
    public FilingQuery withPage(int page, int size) {
        return new FilingQuery(idNumber, name, filingNumber, status, type, destination, submittedFrom, submittedTo, page, size);
    }

    /**
     * The criteria in their stored form (ID number canonical, blanks as absent), or a bilingual refusal of the
     * first that cannot match anything.
     */
    public FilingQuery normalised() {
        String id = blankToNull(idNumber);
        if (id != null) {
            id = IdNumber.require(id);
        }
        String dest = blankToNull(destination);
        if (dest != null && !RegionCode.isValid(dest)) {
            throw new BusinessRuleException("就医地代码应为 6 位行政区划代码", "The destination must be a 6-digit division code");
        }
        if (submittedFrom != null && submittedTo != null && submittedTo.isBefore(submittedFrom)) {
            throw new BusinessRuleException("申请日期的结束不能早于开始", "The end of the submission dates must not be before their start");
        }
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new BusinessRuleException("页码不能为负，每页 1 至 " + MAX_SIZE + " 条",
                    "The page must not be negative and a page holds 1 to " + MAX_SIZE + " filings");
        }
        String n = blankToNull(name);
        if (n != null && n.length() > 50) {
            throw new BusinessRuleException("姓名不超过 50 字", "A name has at most 50 characters");
        }
        String number = blankToNull(filingNumber);
        return new FilingQuery(id, n, number == null ? null : number.toUpperCase(), status, type, dest, submittedFrom,
                submittedTo, page, size);
    }

    /** One page of results; {@code hasMore} when a next page has at least one filing (no count over the area). */
    public record Page(List<Filing> items, int page, int size, boolean hasMore) {
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
