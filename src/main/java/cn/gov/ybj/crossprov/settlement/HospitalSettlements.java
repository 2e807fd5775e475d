package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.InsuranceRecord;
import cn.gov.ybj.crossprov.insured.InsuranceRegistry;
import cn.gov.ybj.crossprov.insured.InsuranceStatus;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.reference.Institution;
import cn.gov.ybj.crossprov.settlement.internal.InstitutionCache;
import cn.gov.ybj.crossprov.settlement.internal.PolicyLookup;
import cn.gov.ybj.crossprov.settlement.internal.SettlementStore;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.shared.RegionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * 住院直接结算 for hospital systems (role HOSPITAL, token naming their institution): the upload of a
 * discharge with its big fee categories, answered at once with the split the insured area's policy
 * gives (003 第二十六、二十七条); 冲正; 明细 within 5 days (第三十条). See docs/settlement.md.
 *
 * <h2>Upload</h2>
 * <ol>
 *   <li>The caller must be a hospital system whose token names the body's institution (403 otherwise);
 *       the body is checked field by field (400 naming the field).</li>
 *   <li>The rules, read only and outside the transaction (the policy lookup may load its snapshot in a
 *       transaction of its own); each refusal 422 with its {@code code}: institution not networked,
 *       person not in the registry or not 正常参保, paying province suspended
 *       ({@link PrepaymentSuspensions}), same province, no opened filing for the institution's area on
 *       the discharge date unless {@code emergency} (异地急诊抢救, recorded), no policy in force.</li>
 *   <li><b>Idempotency</b>: (institution, settlement number) is kept in {@code app.settlement_key}
 *       with the SHA-256 of the normalized body: a number stored before answers the stored settlement
 *       with the same hash (no second row), 409 with another — also when a rule refuses now (the key is
 *       read then).</li>
 *   <li>One transaction: the person is locked (advisory lock until commit) and the key claimed in one
 *       statement ({@code INSERT … ON CONFLICT DO NOTHING}; a concurrent identical upload waits and
 *       then answers the first one's settlement), the year's usage is summed from the person's
 *       settlements not reversed, {@link SettlementCalculator} splits, the row is inserted and
 *       returned as stored ({@code RETURNING}) as the answer.</li>
 * </ol>
 */
@Service
public class HospitalSettlements {

    /** 明细 may follow up to this many days after the discharge (第三十条). */
    public static final int DETAIL_DAYS = 5;

    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern INSTITUTION = Pattern.compile("[0-9]{13}");
    private static final Pattern DIAGNOSIS = Pattern.compile("[A-Za-z0-9.+-]{1,20}");
    private static final Pattern CARD = Pattern.compile("[A-Za-z0-9]{1,40}");
    private static final int MAX_DEPARTMENT = 40;
    private static final int MAX_DIAGNOSIS_NAME = 60;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");
    private static final int MAX_CATEGORIES = 50;
    private static final int MAX_DIAGNOSES = 30;
    private static final int MAX_DETAIL_LINES = 2000;

    private final SettlementStore store;
    private final PolicyLookup policies;
    private final SettlementCalculator calculator;
    private final InstitutionCache institutions;
    private final InsuranceRegistry registry;
    private final FilingManagement filings;
    private final Divisions divisions;
    private final TransactionTemplate tx;
    /** not final: the tests put a suspending port in for one case */
    private PrepaymentSuspensions suspensions;

    HospitalSettlements(SettlementStore store, PolicyLookup policies, SettlementCalculator calculator,
                        InstitutionCache institutions, InsuranceRegistry registry, FilingManagement filings,
                        Divisions divisions, ObjectProvider<PrepaymentSuspensions> suspensions, DataSource dataSource) {
        this.store = store;
        this.policies = policies;
        this.calculator = calculator;
        this.institutions = institutions;
        this.registry = registry;
        this.filings = filings;
        this.divisions = divisions;
        this.suspensions = suspensions.getIfAvailable(() -> PrepaymentSuspensions.NONE);
        // JDBC only: the transactions here run SettlementStore's SQL and nothing of JPA, so they need
        // no EntityManager (the application's JpaTransactionManager opened one per upload: ~3 % of
        // the upload's JVM time in JFR, SettlementUploadBenchmark)
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Uploads a discharge settlement and answers the split (the stored one for a retry). */
    public HospitalSettlement upload(AppUser hospital, SettlementUpload upload) {
        String institutionCode = institutionOf(hospital);
        Checked in = check(upload);
        if (!in.institutionCode().equals(institutionCode)) {
            throw new SettlementRefusal(403, SettlementRefusal.INSTITUTION_NOT_YOURS, "institutionCode",
                    "无权为其他医疗机构上传结算：本系统的医疗机构编码为 " + institutionCode,
                    "You may not upload settlements of another institution: this system's institution code is " + institutionCode);
        }
        LocalDate month = in.dischargeDate().withDayOfMonth(1);
        String sha256 = in.sha256();
        // The rules first (reads only, outside the transaction; the policy lookup may load its snapshot in
        // its own). A number used before is found by the claim in the transaction, or here when a rule
        // refuses: a retry answers what was stored (or 409), whatever the rules say now. Reading the key
        // before the rules cost a statement on every new upload (retries are rare): measured with
        // SettlementUploadBenchmark, see docs/benchmarks.md.
        Basis basis;
        try {
            basis = basis(in);
        } catch (RuntimeException refused) {
            Optional<SettlementStore.Key> key = store.key(institutionCode, in.settlementNo());
            if (key.isPresent()) {
                return stored(key.get(), in, sha256);
            }
            throw refused;
        }
        store.ensurePartition(month);
        return tx.execute(status -> {
            UUID id = UUID.randomUUID();
            // locks the person (until commit) and claims the key, in one statement
            Optional<SettlementStore.Key> existing = store.claimKey(institutionCode, in.settlementNo(), sha256, id, in.dischargeDate(),
                    in.personIdNumber());
            if (existing.isPresent()) {
                // the number was stored before, or by a concurrent upload that committed first
                return stored(existing.get(), in, sha256);
            }
            YearToDateUsage usage = store.usage(in.personIdNumber(), in.dischargeDate().getYear());
            SettlementResult result = calculator.calculate(basis.policy(),
                    HospitalGrade.ofInstitutionGrade(basis.institution().grade()), in.dischargeDate(), in.fees(), usage);
            List<Map<String, Object>> feeLines = new ArrayList<>();
            for (FeeLine f : in.fees()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("category", f.category());
                m.put("inScope", f.inScope().yuan());
                m.put("selfPaid", f.selfPaid().yuan());
                feeLines.add(m);
            }
            // the answer is the row as stored (INSERT … RETURNING), equal to what a retry or GET reads
            return store.insert(new SettlementStore.NewSettlement(id, in.institutionCode(), in.settlementNo(), in.personIdNumber(),
                    basis.person().name(), basis.insuredArea().code(), basis.insuredArea().province().code(),
                    basis.medicalArea().code(), basis.medicalArea().province().code(), in.admissionDate(),
                    in.dischargeDate(), in.emergency(), basis.filing() == null ? null : basis.filing().id(), feeLines,
                    in.diagnosisCodes(), hospital.account(), slipFields(in, basis)), result);
        });
    }

    private HospitalSettlement stored(SettlementStore.Key key, Checked in, String sha256) {
        if (!key.bodySha256().equals(sha256)) {
            throw new SettlementRefusal(409, SettlementRefusal.NUMBER_REUSED, "settlementNo",
                    "结算单号 " + in.settlementNo() + " 已用于另一笔内容不同的结算，请勿重复使用",
                    "Settlement number " + in.settlementNo() + " was already used for a settlement with different content");
        }
        return store.find(key.dischargeMonth(), key.settlementId()).orElseThrow();
    }

    /**
     * What the slip prints besides the calculation, stored with the row: the upload's fields and
     * the names as they are today (the hospital's name and grade from the institution list, the
     * areas' and provinces' full names from the divisions).
     */
    private String areaName(String code) {
        return divisions.name(code).orElse(null);
    }

    private SettlementStore.SlipFields slipFields(Checked in, Basis basis) {
        return new SettlementStore.SlipFields(in.inpatientNo(), in.admissionWay(), in.dischargeDepartment(),
                in.socialSecurityCardNo(), in.diagnosisNames(), basis.institution().name(), basis.institution().grade(),
                areaName(basis.insuredArea().code()), areaName(basis.insuredArea().province().code()),
                basis.institution().divisionName(), areaName(basis.medicalArea().province().code()));
    }

    /** What a settlement is made on, after the rules allowed it. */
    private record Basis(Institution institution, InsuranceRecord person, RegionCode insuredArea, RegionCode medicalArea,
                         Filing filing, PolicyVersion policy) {
    }

    /** The rules, in this order; each refusal with its code (422). */
    private Basis basis(Checked in) {
        Institution institution = institutions.find(in.institutionCode()).orElseThrow(() -> SettlementRefusal.rule(
                SettlementRefusal.INSTITUTION_NOT_NETWORKED,
                "医疗机构 " + in.institutionCode() + " 不是跨省联网定点医疗机构，不能直接结算",
                "Institution " + in.institutionCode() + " is not a cross-province networked designated institution"));
        InsuranceRecord person = registry.find(in.personIdNumber()).orElseThrow(() -> SettlementRefusal.rule(
                SettlementRefusal.PERSON_NOT_FOUND, InsuranceRegistry.NOT_FOUND_ZH, InsuranceRegistry.NOT_FOUND_EN));
        if (person.status() != InsuranceStatus.NORMAL) {
            throw SettlementRefusal.rule(SettlementRefusal.INSURANCE_NOT_NORMAL,
                    "参保人参保状态为「" + person.status().label() + "」，不是正常参保，不能直接结算",
                    "The person's insurance is " + person.status().labelEn() + ", not insured normally: no direct settlement");
        }
        RegionCode insuredArea = RegionCode.of(person.poolingAreaCode());
        RegionCode medicalArea = RegionCode.of(institution.divisionCode());
        if (suspensions.suspended(insuredArea.province(), in.dischargeDate())) {
            throw SettlementRefusal.rule(SettlementRefusal.PAYING_PROVINCE_SUSPENDED,
                    "参保地省份 " + insuredArea.province() + " 的跨省异地就医直接结算已暂停（预付金），请按全额垫付办理",
                    "Direct settlement for persons insured in province " + insuredArea.province()
                            + " is suspended (prepayment): the person pays in full and claims at home");
        }
        if (insuredArea.sameProvince(medicalArea)) {
            throw SettlementRefusal.rule(SettlementRefusal.NOT_CROSS_PROVINCE,
                    "参保地 " + insuredArea + " 与就医地 " + medicalArea + " 属同一省份，不属于跨省异地就医结算",
                    "Insured area " + insuredArea + " and medical area " + medicalArea + " are in one province: not a cross-province settlement");
        }
        Filing filing = filings.openedOn(in.personIdNumber(), in.dischargeDate()).stream()
                .filter(f -> covers(f.treatmentAreaCode(), medicalArea)).findFirst().orElse(null);
        if (filing == null && !in.emergency()) {
            throw SettlementRefusal.rule(SettlementRefusal.NO_VALID_FILING,
                    "参保人在出院日期 " + in.dischargeDate() + " 没有覆盖就医地 " + medicalArea
                            + " 的有效备案；异地急诊抢救请标明 emergency（视同已备案）",
                    "The person has no valid filing for medical area " + medicalArea + " on the discharge date "
                            + in.dischargeDate() + "; for 异地急诊抢救 set emergency (treated as filed)");
        }
        PolicyKey key = new PolicyKey(insuredArea, person.insuranceType().policyType(), person.personType());
        try {
            return new Basis(institution, person, insuredArea, medicalArea, filing, policies.require(key, in.dischargeDate()));
        } catch (BusinessRuleException e) {
            throw SettlementRefusal.rule(SettlementRefusal.NO_POLICY, e.messageZh(), e.messageEn());
        }
    }

    /**
     * Whether a filing's treatment area covers the institution's division: a province (or a
     * province-level-only area) covers the province, a city or county covers its city.
     */
    static boolean covers(String treatmentAreaCode, RegionCode medicalArea) {
        if (!RegionCode.isValid(treatmentAreaCode)) {
            return false;
        }
        RegionCode treatment = RegionCode.of(treatmentAreaCode);
        if (treatment.level() == RegionCode.Level.PROVINCE || treatment.provinceLevelOnly()) {
            return treatment.sameProvince(medicalArea);
        }
        return treatment.city().equals(medicalArea.city());
    }

    /** The hospital's settlement, or empty when this institution has none with that number. */
    public Optional<HospitalSettlement> find(AppUser hospital, String settlementNo) {
        String institution = institutionOf(hospital);
        return store.key(institution, settlementNo).flatMap(k -> store.find(k.dischargeMonth(), k.settlementId()));
    }

    /** 冲正: only the settlement's own hospital, once, with a reason; audited in {@code app.settlement_reversal}. */
    public HospitalSettlement reverse(AppUser hospital, String settlementNo, String reason) {
        String institution = institutionOf(hospital);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw SettlementRefusal.badInput("reason", "必填，最多 500 个字符", "is required, at most 500 characters");
        }
        return tx.execute(status -> {
            SettlementStore.Row row = row(institution, settlementNo);
            store.lockPerson(row.personIdNumber());
            if (!store.reverse(row, institution, why, hospital.account())) {
                throw SettlementRefusal.rule(SettlementRefusal.ALREADY_REVERSED,
                        "结算 " + settlementNo + " 已冲正", "Settlement " + settlementNo + " is already reversed");
            }
            return store.find(row.dischargeMonth(), row.id()).orElseThrow();
        });
    }

    /** 明细 of a settlement, within {@link #DETAIL_DAYS} days of the discharge; a batch already stored is not stored again. */
    public SettlementDetails.Receipt addDetails(AppUser hospital, String settlementNo, SettlementDetails details) {
        String institution = institutionOf(hospital);
        String batchNo = requireNumber("batchNo", details.batchNo());
        List<SettlementDetails.Line> lines = checkLines(details.lines());
        return tx.execute(status -> {
            SettlementStore.Row row = row(institution, settlementNo);
            LocalDate deadline = row.dischargeDate().plusDays(DETAIL_DAYS);
            if (ChinaTime.today().isAfter(deadline)) {
                throw SettlementRefusal.rule(SettlementRefusal.DETAILS_TOO_LATE,
                        "明细应在出院后 " + DETAIL_DAYS + " 日内上传（出院 " + row.dischargeDate() + "，截止 " + deadline + "）",
                        "Details must be uploaded within " + DETAIL_DAYS + " days of the discharge (discharged "
                                + row.dischargeDate() + ", deadline " + deadline + ")");
            }
            if (HospitalSettlement.REVERSED.equals(row.status())) {
                throw SettlementRefusal.rule(SettlementRefusal.ALREADY_REVERSED,
                        "结算 " + settlementNo + " 已冲正，不再接收明细", "Settlement " + settlementNo + " is reversed: no details");
            }
            // one batch at a time per settlement, so a retry racing its original sees it
            store.lockPerson(row.personIdNumber());
            int stored = store.detailLines(row, batchNo);
            if (stored == 0) {
                store.insertDetails(row, batchNo, lines, hospital.account());
            }
            return new SettlementDetails.Receipt(settlementNo, batchNo, stored == 0 ? lines.size() : stored,
                    store.detailLines(row, null), stored > 0);
        });
    }

    private SettlementStore.Row row(String institution, String settlementNo) {
        return store.key(institution, settlementNo).flatMap(k -> store.row(k.dischargeMonth(), k.settlementId()))
                .orElseThrow(() -> new SettlementRefusal(404, SettlementRefusal.NOT_FOUND, null,
                        "本机构没有结算单号为 " + settlementNo + " 的结算", "This institution has no settlement number " + settlementNo));
    }

    /** The institution the hospital system's token names; anyone else is refused (403). */
    static String institutionOf(AppUser user) {
        if (user == null || !user.hasRole(Roles.HOSPITAL) || user.institutionCode() == null) {
            throw new SettlementRefusal(403, SettlementRefusal.INSTITUTION_NOT_YOURS, null,
                    "无权访问：仅限定点医疗机构系统（令牌须含医疗机构编码）",
                    "Access denied: for designated institutions' systems only (the token must name the institution)");
        }
        return user.institutionCode();
    }

    // ---- input checks (400 naming the field) ----

    /** The upload after its checks, normalized. */
    record Checked(String settlementNo, String personIdNumber, String institutionCode, LocalDate admissionDate,
                   LocalDate dischargeDate, boolean emergency, List<FeeLine> fees, List<String> diagnosisCodes,
                   String inpatientNo, AdmissionWay admissionWay, String dischargeDepartment, String socialSecurityCardNo,
                   List<String> diagnosisNames) {

        /**
         * SHA-256 of the normalized body: what makes a retry "the same body". Every field counts,
         * the slip's too (a retry with another 住院号 is another body: 409); an absent card number
         * or names list is the empty text, which no given value normalizes to.
         */
        String sha256() {
            StringBuilder b = new StringBuilder().append(settlementNo).append('\n').append(personIdNumber).append('\n')
                    .append(institutionCode).append('\n').append(admissionDate).append('\n').append(dischargeDate).append('\n')
                    .append(emergency).append('\n');
            for (FeeLine f : fees) {
                b.append(f.category()).append('\t').append(f.inScope().yuan().toPlainString()).append('\t')
                        .append(f.selfPaid().yuan().toPlainString()).append('\n');
            }
            b.append(String.join(",", diagnosisCodes));
            // the slip's fields (V19); tabs and line breaks cannot occur in them (input hardening, patterns)
            b.append('\n').append(inpatientNo).append('\n').append(admissionWay.name()).append('\n')
                    .append(dischargeDepartment).append('\n').append(socialSecurityCardNo == null ? "" : socialSecurityCardNo)
                    .append('\n').append(diagnosisNames == null ? "" : "names:" + String.join("\t", diagnosisNames));
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The idempotency hash of an upload body (SHA-256 of the normalized body, as an upload stores it
     * in {@code app.settlement_key}): for a migration that bulk-loads settlements which hospitals
     * may still retry ({@link SettlementBulkLoad.Row#bodySha256()}). Bad input is refused as by an upload.
     */
    public static String bodySha256(SettlementUpload upload) {
        return check(upload).sha256();
    }

    static Checked check(SettlementUpload u) {
        if (u == null) {
            throw SettlementRefusal.badInput("body", "缺失", "is missing");
        }
        String number = requireNumber("settlementNo", u.settlementNo());
        String id = u.personIdNumber() == null ? null : IdNumber.canonical(u.personIdNumber());
        if (id == null || !IdNumber.isValid(id)) {
            throw SettlementRefusal.badInput("personIdNumber", "不是有效的公民身份号码", "is not a valid ID number");
        }
        String institution = u.institutionCode() == null ? "" : u.institutionCode().strip();
        if (!INSTITUTION.matcher(institution).matches()) {
            throw SettlementRefusal.badInput("institutionCode", "应为 13 位数字", "must have 13 digits");
        }
        if (u.admissionDate() == null) {
            throw SettlementRefusal.badInput("admissionDate", "必填", "is required");
        }
        if (u.dischargeDate() == null) {
            throw SettlementRefusal.badInput("dischargeDate", "必填", "is required");
        }
        if (u.dischargeDate().isBefore(u.admissionDate())) {
            throw SettlementRefusal.badInput("dischargeDate", "早于入院日期 " + u.admissionDate(),
                    "is before the admission date " + u.admissionDate());
        }
        if (u.dischargeDate().isAfter(ChinaTime.today())) {
            throw SettlementRefusal.badInput("dischargeDate", "不能晚于今天", "cannot be after today");
        }
        if (u.admissionDate().isBefore(LocalDate.of(2000, 1, 1))) {
            throw SettlementRefusal.badInput("admissionDate", "早于 2000-01-01", "is before 2000-01-01");
        }
        if (u.categories() == null || u.categories().isEmpty() || u.categories().size() > MAX_CATEGORIES) {
            throw SettlementRefusal.badInput("categories", "应有 1 至 " + MAX_CATEGORIES + " 个费用类别",
                    "must hold 1 to " + MAX_CATEGORIES + " fee categories");
        }
        List<FeeLine> fees = new ArrayList<>();
        for (int i = 0; i < u.categories().size(); i++) {
            SettlementUpload.Category c = u.categories().get(i);
            String at = "categories[" + i + "]";
            if (c == null) {
                throw SettlementRefusal.badInput(at, "缺失", "is missing");
            }
            String name = c.category() == null ? "" : c.category().strip();
            if (name.isEmpty() || name.length() > 40) {
                throw SettlementRefusal.badInput(at + ".category", "必填，最多 40 个字符", "is required, at most 40 characters");
            }
            fees.add(new FeeLine(name, amount(at + ".inScope", c.inScope(), 2), amount(at + ".selfPaid", c.selfPaid(), 2)));
        }
        List<String> codes = u.diagnosisCodes() == null ? List.of() : u.diagnosisCodes();
        if (codes.isEmpty() || codes.size() > MAX_DIAGNOSES) {
            throw SettlementRefusal.badInput("diagnosisCodes", "应有 1 至 " + MAX_DIAGNOSES + " 个诊断编码",
                    "must hold 1 to " + MAX_DIAGNOSES + " diagnosis codes");
        }
        List<String> diagnoses = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? "" : codes.get(i).strip();
            if (!DIAGNOSIS.matcher(code).matches()) {
                throw SettlementRefusal.badInput("diagnosisCodes[" + i + "]", "不是诊断编码（字母、数字、点，最多 20 位）",
                        "is not a diagnosis code (letters, digits, dots, at most 20)");
            }
            diagnoses.add(code.toUpperCase(java.util.Locale.ROOT));
        }
        String inpatientNo = requireNumber("inpatientNo", u.inpatientNo());
        AdmissionWay way = AdmissionWay.parse(u.admissionWay()).orElseThrow(() -> SettlementRefusal.badInput("admissionWay",
                "应为 OUTPATIENT（门诊）、EMERGENCY_ROOM（急诊）、TRANSFER（转院）或 OTHER（其他）",
                "must be OUTPATIENT, EMERGENCY_ROOM, TRANSFER or OTHER"));
        String department = u.dischargeDepartment() == null ? "" : u.dischargeDepartment().strip();
        if (department.isEmpty() || department.length() > MAX_DEPARTMENT) {
            throw SettlementRefusal.badInput("dischargeDepartment", "必填，最多 " + MAX_DEPARTMENT + " 个字符",
                    "is required, at most " + MAX_DEPARTMENT + " characters");
        }
        // optional on the slip (附件6: 可选); blank counts as not given
        String card = u.socialSecurityCardNo() == null || u.socialSecurityCardNo().isBlank() ? null : u.socialSecurityCardNo().strip();
        if (card != null && !CARD.matcher(card).matches()) {
            throw SettlementRefusal.badInput("socialSecurityCardNo", "应为 1 至 40 位字母或数字", "must be 1 to 40 letters or digits");
        }
        List<String> names = null;
        if (u.diagnosisNames() != null) {
            if (u.diagnosisNames().size() != diagnoses.size()) {
                throw SettlementRefusal.badInput("diagnosisNames", "应与诊断编码一一对应（" + diagnoses.size() + " 个）",
                        "must name each diagnosis code, in order (" + diagnoses.size() + ")");
            }
            names = new ArrayList<>();
            for (int i = 0; i < u.diagnosisNames().size(); i++) {
                String name = u.diagnosisNames().get(i) == null ? "" : u.diagnosisNames().get(i).strip();
                if (name.isEmpty() || name.length() > MAX_DIAGNOSIS_NAME) {
                    throw SettlementRefusal.badInput("diagnosisNames[" + i + "]", "必填，最多 " + MAX_DIAGNOSIS_NAME + " 个字符",
                            "is required, at most " + MAX_DIAGNOSIS_NAME + " characters");
                }
                names.add(name);
            }
            names = List.copyOf(names);
        }
        return new Checked(number, id, institution, u.admissionDate(), u.dischargeDate(),
                Boolean.TRUE.equals(u.emergency()), fees, diagnoses, inpatientNo, way, department, card, names);
    }

    private static List<SettlementDetails.Line> checkLines(List<SettlementDetails.Line> lines) {
        if (lines == null || lines.isEmpty() || lines.size() > MAX_DETAIL_LINES) {
            throw SettlementRefusal.badInput("lines", "应有 1 至 " + MAX_DETAIL_LINES + " 行明细",
                    "must hold 1 to " + MAX_DETAIL_LINES + " detail lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            SettlementDetails.Line l = lines.get(i);
            String at = "lines[" + i + "]";
            if (l == null) {
                throw SettlementRefusal.badInput(at, "缺失", "is missing");
            }
            text(at + ".itemCode", l.itemCode(), 50);
            text(at + ".itemName", l.itemName(), 200);
            text(at + ".category", l.category(), 40);
            BigDecimal q = l.quantity();
            if (q == null || q.signum() <= 0 || q.stripTrailingZeros().scale() > 4 || q.compareTo(MAX_AMOUNT) > 0) {
                throw SettlementRefusal.badInput(at + ".quantity", "应大于 0，最多 4 位小数", "must be above 0 with at most 4 decimals");
            }
            BigDecimal p = l.unitPrice();
            if (p == null || p.signum() < 0 || p.stripTrailingZeros().scale() > 4 || p.compareTo(MAX_AMOUNT) > 0) {
                throw SettlementRefusal.badInput(at + ".unitPrice", "不能为负数，最多 4 位小数", "cannot be negative, at most 4 decimals");
            }
            amount(at + ".amount", l.amount(), 2);
        }
        return lines;
    }

    private static void text(String field, String value, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw SettlementRefusal.badInput(field, "必填，最多 " + max + " 个字符", "is required, at most " + max + " characters");
        }
    }

    static String requireNumber(String field, String value) {
        String v = value == null ? "" : value.strip();
        if (!NUMBER.matcher(v).matches()) {
            throw SettlementRefusal.badInput(field, "应为 1 至 40 位字母、数字、- 或 _", "must be 1 to 40 letters, digits, - or _");
        }
        return v;
    }

    static Money amount(String field, BigDecimal value, int decimals) {
        if (value == null) {
            throw SettlementRefusal.badInput(field, "必填", "is required");
        }
        if (value.signum() < 0) {
            throw SettlementRefusal.badInput(field, "不能为负数", "cannot be negative");
        }
        if (value.stripTrailingZeros().scale() > decimals) {
            throw SettlementRefusal.badInput(field, "最多 " + decimals + " 位小数", "has more than " + decimals + " decimals");
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            throw SettlementRefusal.badInput(field, "过大", "is too large");
        }
        return new Money(value);
    }
}
