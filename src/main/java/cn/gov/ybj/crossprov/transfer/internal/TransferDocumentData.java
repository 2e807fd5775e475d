package cn.gov.ybj.crossprov.transfer.internal;

import cn.gov.ybj.crossprov.shared.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What the 基本医疗保险参保(合)凭证 and the 参保人员基本医疗保险信息表 of one transfer print
 * ({@link TransferDocuments}). Values are raw (the documents format them); a {@code null} text or
 * date prints as 「—」.
 *
 * @param certificateNo      凭证号, also the 信息表's 编号
 * @param sex                男 or 女
 * @param insuranceTypeLabel e.g. 职工基本医疗保险
 * @param periods            the contribution periods, in the order printed
 * @param accumulatedMonths  累计月数: distinct months over all periods (a month paid twice counts once)
 * @param balance            个人账户余额 ({@code null} when there is no personal account)
 * @param balanceTransferred whether the balance has been transferred (划转) to the in-area
 * @param outAgency          the out-area agency that issues both documents
 */
public record TransferDocumentData(String certificateNo, long serialNo, LocalDate printedOn, String name, String sex,
                                   LocalDate birthDate, String idNumber, String phone, String insuranceTypeLabel,
                                   String personTypeLabel, String outAreaCode, String outAreaName, String inAreaCode,
                                   String inAreaName, List<Period> periods, int accumulatedMonths, Money balance,
                                   boolean balanceTransferred, LocalDate transferredOutOn, Agency outAgency) {

    public TransferDocumentData {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /**
     * One contribution period.
     *
     * @param to       last month, {@code null} while the period is open (printed 至今)
     * @param months   months paid in the period
     */
    public record Period(String areaName, String insuranceTypeLabel, YearMonth from, YearMonth to, int months) {
    }

    /** A social insurance agency as the certificate prints it; postcode and contact may be unknown ({@code null}). */
    public record Agency(String name, String address, String areaCode, String postcode, String contact, String phone) {
    }
}
