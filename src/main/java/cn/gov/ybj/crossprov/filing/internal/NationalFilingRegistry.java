package cn.gov.ybj.crossprov.filing.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The national filing registry (国家异地就医备案库): every opened filing and every status change
 * is reported to it (003 第五条(五), 第十条). A report with the same event id is answered with the
 * same receipt, so retries are harmless.
 */
interface NationalFilingRegistry {

    /** @return the registry's receipt number; throws when the registry cannot be reached or refuses */
    String report(Notice notice);

    record Notice(long eventId, String applicationSerial, String filingNumber, String idNumber, String name,
                  String insuredAreaCode, String treatmentAreaCode, String filingType, String insuranceType,
                  LocalDate startDate, LocalDate endDate, String status, String reason, Instant at) {
    }
}
