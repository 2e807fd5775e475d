package cn.gov.ybj.crossprov.filing.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The national filing registry (国家异地就医备案库): every opened filing, every status change and
 * every applied change is reported to it (003 第五条(五), 第九条, 第十条). A report with the same event id is answered with the
 * same receipt, so retries are harmless.
 */
interface NationalFilingRegistry {

    /**
     * Reports a batch, oldest first.
     *
     * @return the registry's receipt numbers, in the order of the notices; throws when the
     * registry cannot be reached or refuses, and then none of the batch counts as reported
     */
    List<String> report(List<Notice> notices);

    /**
     * A status change or applied change, with the filing's values as they are now.
     *
     * @param action     what happened, in the words of the filing's history (e.g. 信息变更, 取消备案，备案已关闭)
     * @param bothPlaces 双向享受待遇 after approved supplemental materials
     */
    record Notice(long eventId, String applicationSerial, String filingNumber, String idNumber, String name,
                  String insuredAreaCode, String treatmentAreaCode, String filingType, String insuranceType,
                  LocalDate startDate, LocalDate endDate, String contactName, String contactPhone, String contactAddress,
                  String institutionCode, boolean bothPlaces, String action, String status, String reason, Instant at) {
    }
}
