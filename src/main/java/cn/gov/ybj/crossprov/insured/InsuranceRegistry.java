package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.shared.DivisionNames;
import cn.gov.ybj.crossprov.shared.IdNumber;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** 参保信息: who is insured where, and whether that allows a cross-province filing. */
@Service
public class InsuranceRegistry {

    /** Wording after the national query system (000: 人员信息没有上传至部平台). */
    public static final String NOT_FOUND_ZH = "未查询到参保信息：该人员信息未上传至部平台，请联系参保地经办机构核实";
    public static final String NOT_FOUND_EN = "No insurance record found: the person's data has not been uploaded to the national platform; "
            + "please check with the agency of the insured area";

    static final String SELECT = """
            SELECT id_number, name, sex, birth_date, pooling_area_code, insurance_type, person_type, status, employer
            FROM app.insurance_record
            """;

    private static final RowMapper<InsuranceRecord> RECORD = (rs, n) -> new InsuranceRecord(rs.getString("id_number"),
            rs.getString("name"), rs.getString("sex"), rs.getObject("birth_date", LocalDate.class), rs.getString("pooling_area_code"),
            InsuranceType.valueOf(rs.getString("insurance_type")), PersonType.valueOf(rs.getString("person_type")),
            InsuranceStatus.valueOf(rs.getString("status")), rs.getString("employer"));

    private final JdbcClient jdbc;
    private final DivisionNames divisions;

    InsuranceRegistry(JdbcClient jdbc, DivisionNames divisions) {
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    /** The record of a person, by ID number (case of the check character does not matter). */
    public Optional<InsuranceRecord> find(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE id_number = ?").param(IdNumber.canonical(idNumber)).query(RECORD).optional();
    }

    /** The record of the person an account is bound to, in one statement (a filing's check asks it each time). */
    Optional<InsuranceRecord> findBoundTo(String account) {
        return jdbc.sql(SELECT + " WHERE id_number = (SELECT id_number FROM app.account_binding WHERE account = ?)")
                .param(account).query(RECORD).optional();
    }

    /** 缴费期间, oldest first. */
    public List<ContributionPeriod> periods(String idNumber) {
        if (idNumber == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT pooling_area_code, insurance_type, start_month, end_month FROM app.contribution_period
                WHERE id_number = ? ORDER BY start_month, id
                """).param(IdNumber.canonical(idNumber)).query(ContributionPeriod.ROW).list();
    }

    /**
     * Whether the person may file with {@code insuredAreaCode} as 参保地 and {@code type} as 险种:
     * they must be in the registry, insured in that area, with status 正常参保 and that type.
     */
    public Eligibility checkFilingEligibility(String idNumber, String insuredAreaCode, InsuranceType type) {
        if (!IdNumber.isValid(idNumber)) {
            return Eligibility.notFound();
        }
        return find(idNumber).map(r -> checkFilingEligibility(r, insuredAreaCode, type)).orElseGet(Eligibility::notFound);
    }

    /** {@link #checkFilingEligibility(String, String, InsuranceType)} of a record already read. */
    public Eligibility checkFilingEligibility(InsuranceRecord record, String insuredAreaCode, InsuranceType type) {
        if (insuredAreaCode == null || !insuredAreaCode.equals(record.poolingAreaCode())) {
            return Eligibility.refused(
                    "参保地不符：该人员的参保地为" + areaName(record.poolingAreaCode()) + "，不能以"
                            + areaName(insuredAreaCode) + "为参保地办理异地就医备案",
                    "Insured area mismatch: the person is insured in " + record.poolingAreaCode()
                            + ", not in " + insuredAreaCode + "; the filing must name the area where the person is insured");
        }
        if (record.status() != InsuranceStatus.NORMAL) {
            return Eligibility.refused(
                    "参保状态为" + record.status().label() + "，不能办理异地就医备案",
                    "The insurance status is \"" + record.status().labelEn() + "\"; a cross-province filing is not possible");
        }
        if (type != record.insuranceType()) {
            return Eligibility.refused(
                    "险种不符：该人员参加的是" + record.insuranceType().label() + "基本医疗保险，不能按"
                            + (type == null ? "未选择的险种" : type.label() + "基本医疗保险") + "办理备案",
                    "Insurance type mismatch: the person has " + record.insuranceType().labelEn()
                            + ", not " + (type == null ? "(none chosen)" : type.labelEn()));
        }
        return Eligibility.ok();
    }

    private String areaName(String code) {
        if (code == null || code.isBlank()) {
            return "（未选择）";
        }
        return divisions.name(code).map(n -> n + "（" + code + "）").orElse(code);
    }
}
