package cn.gov.ybj.crossprov.transfer;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.InsuranceRecord;
import cn.gov.ybj.crossprov.insured.InsuranceRegistry;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.transfer.internal.TransferDocumentData;
import cn.gov.ybj.crossprov.transfer.internal.TransferDocuments;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 打印业务: the 基本医疗保险参保(合)凭证 and the 参保人员基本医疗保险信息表 of a case once it has been
 * transferred out, for whoever may see the case (the person, both areas' clerks, process admins).
 */
@Service
public class TransferPrints {

    private final TransferCases cases;
    private final InsuranceRegistry registry;
    private final PoolingAreas areas;
    private final TransferDocuments documents;

    TransferPrints(TransferCases cases, InsuranceRegistry registry, PoolingAreas areas, TransferDocuments documents) {
        this.cases = cases;
        this.registry = registry;
        this.areas = areas;
        this.documents = documents;
    }

    /** The certificate; empty when the case is not the user's to see or not transferred out yet. */
    public Optional<byte[]> certificate(AppUser user, UUID id) {
        return data(user, id).map(documents::certificate);
    }

    public Optional<byte[]> informationSheet(AppUser user, UUID id) {
        return data(user, id).map(documents::informationSheet);
    }

    private Optional<TransferDocumentData> data(AppUser user, UUID id) {
        return cases.find(user, id).filter(c -> c.getCertificateNo() != null).map(this::data);
    }

    TransferDocumentData data(TransferCase c) {
        InsuranceRecord person = registry.find(c.getPersonIdNumber()).orElseThrow();
        PoolingArea out = areas.find(c.getOutAreaCode()).orElseThrow();
        PoolingArea in = areas.find(c.getInAreaCode()).orElseThrow();
        // what the out-area certifies: its own periods, as the transfer-out ended them
        List<TransferDocumentData.Period> periods = registry.periods(c.getPersonIdNumber()).stream()
                .filter(p -> p.poolingAreaCode().equals(c.getOutAreaCode()))
                .map(TransferCases::period)
                .map(p -> new TransferDocumentData.Period(out.name(), p.insuranceType().label() + "基本医疗保险",
                        p.from(), p.to(), (int) p.months()))
                .toList();
        Money balance = c.getBalance() == null ? Money.ZERO : c.getBalance();
        return new TransferDocumentData(c.getCertificateNo(), c.getSerialNo(), ChinaTime.today(), person.name(),
                "F".equals(person.sex()) ? "女" : "男", person.birthDate(), person.idNumber(), c.getPhone(),
                c.getInsuranceType() == null ? null : c.getInsuranceType().label() + "基本医疗保险",
                c.getPersonType() == null ? null : c.getPersonType().label(), out.code(), out.name(), in.code(), in.name(),
                periods, c.getOutMonths() == null ? 0 : c.getOutMonths(),
                balance, !balance.isZero(), LocalDate.ofInstant(c.getTransferredOutAt(), ChinaTime.ZONE),
                new TransferDocumentData.Agency(blankToNull(out.agencyName()), blankToNull(out.agencyAddress()), out.code(),
                        null, null, blankToNull(out.agencyPhone())));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
