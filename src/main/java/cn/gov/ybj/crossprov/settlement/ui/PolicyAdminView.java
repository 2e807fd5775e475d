package cn.gov.ybj.crossprov.settlement.ui;

import cn.gov.ybj.crossprov.identity.AccountNames;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.settlement.BandScope;
import cn.gov.ybj.crossprov.settlement.DeductibleMode;
import cn.gov.ybj.crossprov.settlement.DeductibleRule;
import cn.gov.ybj.crossprov.settlement.FundBase;
import cn.gov.ybj.crossprov.settlement.FundRule;
import cn.gov.ybj.crossprov.settlement.HospitalGrade;
import cn.gov.ybj.crossprov.settlement.InvalidPolicyException;
import cn.gov.ybj.crossprov.settlement.PolicyKey;
import cn.gov.ybj.crossprov.settlement.PolicyProblem;
import cn.gov.ybj.crossprov.settlement.PolicyValidation;
import cn.gov.ybj.crossprov.settlement.PolicyVersion;
import cn.gov.ybj.crossprov.settlement.RatioBand;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies.AuditEntry;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies.StoredVersion;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.shared.RegionCode;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * 待遇政策维护: process admins choose a key (参保地 × 险种 × 人员类别), see its versions by effective
 * date, open one and save the edited policy as a new version from a later date (or as the new
 * content of a version not yet in force). Every problem {@link PolicyValidation} finds is shown at
 * once in the user's language and nothing is saved; the audit list shows each save with the
 * policy before and after (JSON). A version in force today or earlier cannot be changed
 * ({@link SettlementPolicies}).
 */
@Route(value = "admin/settlement-policies", layout = MainLayout.class)
@Menu(title = "nav.admin.policies", order = 280)
@RolesAllowed(Roles.PROCESS_ADMIN)
public class PolicyAdminView extends VerticalLayout implements HasDynamicTitle {

    private final SettlementPolicies policies;
    private final CurrentUser currentUser;
    private final AccountNames names;
    private final ComboBox<String> area = new ComboBox<>();
    private final ComboBox<InsuranceType> insuranceType = new ComboBox<>();
    private final ComboBox<PersonType> personType = new ComboBox<>();
    private final Grid<StoredVersion> versions = new Grid<>();
    private final DatePicker effectiveFrom = new DatePicker();
    private final ComboBox<DeductibleMode> mode = new ComboBox<>();
    private final Map<HospitalGrade, TextField> amounts = new EnumMap<>(HospitalGrade.class);
    private final Map<HospitalGrade, TextField> subsequent = new EnumMap<>(HospitalGrade.class);
    private final VerticalLayout fundList = new VerticalLayout();
    private final List<FundEditor> funds = new ArrayList<>();
    private final Div errors = new Div();
    private final VerticalLayout editor = new VerticalLayout();
    private final Grid<AuditEntry> audit = new Grid<>();
    private final TextArea auditOld = new TextArea();
    private final TextArea auditNew = new TextArea();
    private StoredVersion opened;

    public PolicyAdminView(SettlementPolicies policies, PoolingAreas poolingAreas, CurrentUser currentUser, AccountNames names) {
        this.policies = policies;
        this.names = names;
        this.currentUser = currentUser;
        H2 title = new H2(getTranslation("admin.policies.title"));
        title.setId("view-title");
        boolean en = "en".equals(getLocale().getLanguage());

        Map<String, String> areaNames = new TreeMap<>();
        poolingAreas.list(null).forEach(a -> areaNames.put(a.code(), a.name()));
        policies.keys().forEach(k -> areaNames.putIfAbsent(k.insuredArea().toString(), ""));
        area.setId("area");
        area.setLabel(getTranslation("admin.policies.area"));
        area.setItems(areaNames.keySet());
        area.setItemLabelGenerator(code -> (code + " " + areaNames.getOrDefault(code, "")).strip());
        insuranceType.setId("insurance-type");
        insuranceType.setLabel(getTranslation("admin.policies.insurance-type"));
        insuranceType.setItems(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT); // policies exist per merged type
        insuranceType.setItemLabelGenerator(t -> en ? t.labelEn() : t.label());
        personType.setId("person-type");
        personType.setLabel(getTranslation("admin.policies.person-type"));
        personType.setItems(PersonType.values());
        personType.setItemLabelGenerator(t -> en ? t.labelEn() : t.label());
        area.addValueChangeListener(e -> showKey());
        insuranceType.addValueChangeListener(e -> showKey());
        personType.addValueChangeListener(e -> showKey());
        Grid<PolicyKey> keys = new Grid<>();
        keys.setId("keys");
        keys.addColumn(k -> k.insuredArea() + " " + areaNames.getOrDefault(k.insuredArea().toString(), ""))
                .setHeader(getTranslation("admin.policies.area")).setAutoWidth(true);
        keys.addColumn(k -> en ? k.insuranceType().labelEn() : k.insuranceType().label())
                .setHeader(getTranslation("admin.policies.insurance-type"));
        keys.addColumn(k -> en ? k.personType().labelEn() : k.personType().label())
                .setHeader(getTranslation("admin.policies.person-type"));
        keys.addThemeVariants(GridVariant.LUMO_COMPACT);
        keys.setHeight("25vh");
        keys.setItems(policies.keys());
        keys.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                area.setValue(e.getValue().insuredArea().toString());
                insuranceType.setValue(e.getValue().insuranceType());
                personType.setValue(e.getValue().personType());
            }
        });

        versions.setId("versions");
        versions.addColumn(v -> v.policy().effectiveFrom()).setHeader(getTranslation("admin.policies.effective-from")).setAutoWidth(true);
        versions.addColumn(this::status).setHeader(getTranslation("admin.policies.status"));
        versions.addColumn(v -> names.name(v.changedBy())).setHeader(getTranslation("audit.col.user"));
        versions.addColumn(v -> v.changedAt().atZone(ChinaTime.ZONE).toLocalDateTime().withNano(0))
                .setHeader(getTranslation("audit.col.time"));
        versions.addThemeVariants(GridVariant.LUMO_COMPACT);
        versions.setAllRowsVisible(true);
        versions.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                open(e.getValue());
            }
        });
        Button blank = new Button(getTranslation("admin.policies.blank"), e -> openBlank());
        blank.setId("blank");

        effectiveFrom.setId("effective-from");
        effectiveFrom.setLabel(getTranslation("admin.policies.effective-from"));
        effectiveFrom.setHelperText(getTranslation("admin.policies.effective-from.help"));
        mode.setId("deductible-mode");
        mode.setLabel(getTranslation("admin.policies.deductible-mode"));
        mode.setItems(DeductibleMode.values());
        mode.setItemLabelGenerator(m -> en ? m.labelEn() : m.label());
        FormLayout deductibleForm = new FormLayout(effectiveFrom, mode);
        for (HospitalGrade g : HospitalGrade.values()) {
            String grade = en ? g.labelEn() : g.label();
            TextField first = new TextField(getTranslation("admin.policies.deductible", grade));
            first.setId("deductible-" + g.name());
            TextField later = new TextField(getTranslation("admin.policies.deductible.subsequent", grade));
            later.setId("subsequent-" + g.name());
            later.setHelperText(getTranslation("admin.policies.deductible.subsequent.help"));
            amounts.put(g, first);
            subsequent.put(g, later);
            deductibleForm.add(first, later);
        }
        Button addFund = new Button(getTranslation("admin.policies.fund.add"), e -> addFund(null));
        addFund.setId("add-fund");
        Button save = new Button(getTranslation("admin.policies.save"), e -> save());
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        errors.setId("errors");
        errors.getStyle().set("white-space", "pre-line").set("color", "var(--lumo-error-text-color)");
        errors.setVisible(false);
        fundList.setPadding(false);
        editor.setPadding(false);
        editor.add(new H3(getTranslation("admin.policies.deductible.title")), deductibleForm,
                new H3(getTranslation("admin.policies.funds")), fundList, addFund, errors, save);
        editor.setVisible(false);

        audit.setId("audit");
        audit.addColumn(a -> a.changedAt().atZone(ChinaTime.ZONE).toLocalDateTime().withNano(0))
                .setHeader(getTranslation("audit.col.time")).setAutoWidth(true);
        audit.addColumn(e -> names.name(e.changedBy())).setHeader(getTranslation("audit.col.user"));
        audit.addColumn(AuditEntry::effectiveFrom).setHeader(getTranslation("admin.policies.effective-from"));
        audit.addColumn(a -> en ? a.action().labelEn() : a.action().label()).setHeader(getTranslation("admin.policies.action"));
        audit.addThemeVariants(GridVariant.LUMO_COMPACT);
        audit.setAllRowsVisible(true);
        auditOld.setLabel(getTranslation("audit.col.old"));
        auditNew.setLabel(getTranslation("audit.col.new"));
        for (TextArea t : List.of(auditOld, auditNew)) {
            t.setReadOnly(true);
            t.setWidthFull();
            t.setMaxHeight("12em");
        }
        audit.asSingleSelect().addValueChangeListener(e -> {
            auditOld.setValue(e.getValue() == null || e.getValue().oldPolicy() == null ? "" : e.getValue().oldPolicy());
            auditNew.setValue(e.getValue() == null ? "" : e.getValue().newPolicy());
        });

        add(title, keys, new HorizontalLayout(area, insuranceType, personType),
                new H3(getTranslation("admin.policies.versions")), versions, blank, editor,
                new H3(getTranslation("admin.areas.audit")), audit, auditOld, auditNew);
    }

    private PolicyKey key() {
        if (area.getValue() == null || insuranceType.getValue() == null || personType.getValue() == null) {
            return null;
        }
        return new PolicyKey(RegionCode.of(area.getValue()), insuranceType.getValue(), personType.getValue());
    }

    private String status(StoredVersion v) {
        LocalDate today = ChinaTime.today();
        PolicyKey key = v.policy().key();
        boolean inForce = policies.inForce(key, today).map(p -> p.effectiveFrom().equals(v.policy().effectiveFrom())).orElse(false);
        String k = inForce ? "admin.policies.status.in-force"
                : v.policy().effectiveFrom().isAfter(today) ? "admin.policies.status.future" : "admin.policies.status.past";
        return getTranslation(k);
    }

    private void showKey() {
        PolicyKey key = key();
        opened = null;
        editor.setVisible(false);
        Errors.clear(errors);
        if (key == null) {
            versions.setItems(List.of());
            audit.setItems(List.of());
            return;
        }
        versions.setItems(policies.stored(key));
        audit.setItems(policies.audit(key));
    }

    private void open(StoredVersion v) {
        opened = v;
        PolicyVersion p = v.policy();
        LocalDate tomorrow = ChinaTime.today().plusDays(1);
        // a version in force can only be continued from a later date; a future one may be corrected in place
        effectiveFrom.setValue(p.effectiveFrom().isBefore(tomorrow) ? null : p.effectiveFrom());
        mode.setValue(p.deductible().mode());
        for (HospitalGrade g : HospitalGrade.values()) {
            amounts.get(g).setValue(p.deductible().amounts().get(g).yuan().toPlainString());
            Money later = p.deductible().subsequentAmounts().get(g);
            subsequent.get(g).setValue(later == null ? "" : later.yuan().toPlainString());
        }
        funds.clear();
        fundList.removeAll();
        p.funds().forEach(this::addFund);
        Errors.clear(errors);
        editor.setVisible(true);
    }

    private void openBlank() {
        if (key() == null) {
            Errors.showText(errors, getTranslation("admin.policies.choose-key"));
            return;
        }
        versions.asSingleSelect().clear();
        opened = null;
        effectiveFrom.clear();
        mode.setValue(DeductibleMode.PER_ADMISSION);
        amounts.values().forEach(f -> f.setValue("0"));
        subsequent.values().forEach(TextField::clear);
        funds.clear();
        fundList.removeAll();
        addFund(null);
        Errors.clear(errors);
        editor.setVisible(true);
    }

    private void addFund(FundRule rule) {
        FundEditor f = new FundEditor(rule);
        funds.add(f);
        refreshFunds();
    }

    private void refreshFunds() {
        fundList.removeAll();
        for (int i = 0; i < funds.size(); i++) {
            funds.get(i).setIndex(i);
            fundList.add(funds.get(i));
        }
    }

    private void move(FundEditor f, int by) {
        int i = funds.indexOf(f);
        int j = i + by;
        if (j >= 0 && j < funds.size()) {
            funds.set(i, funds.get(j));
            funds.set(j, f);
            refreshFunds();
        }
    }

    private void save() {
        Errors.clear(errors);
        try {
            PolicyVersion version = read();
            Long expected = opened != null && opened.policy().effectiveFrom().equals(version.effectiveFrom())
                    ? Long.valueOf(opened.revision()) : null;
            policies.save(currentUser.require(), version, expected);
            versions.setItems(policies.stored(version.key()));
            audit.setItems(policies.audit(version.key()));
            policies.stored(version.key()).stream().filter(v -> v.policy().effectiveFrom().equals(version.effectiveFrom()))
                    .findFirst().ifPresent(v -> {
                        versions.select(v);
                        open(v);
                    });
            Errors.success(getTranslation("admin.policies.saved", version.effectiveFrom()));
        } catch (BusinessRuleException e) {
            Errors.show(errors, e);
        }
    }

    /** The policy from the form; every problem found at once as an {@link InvalidPolicyException}. */
    private PolicyVersion read() {
        List<PolicyProblem> problems = new ArrayList<>();
        PolicyKey key = key();
        if (key == null) {
            problems.add(new PolicyProblem("请选择参保地、险种和人员类别", "Choose the insured area, insurance type and person type"));
        }
        if (effectiveFrom.getValue() == null) {
            problems.add(new PolicyProblem("缺少生效日期", "The effective date is missing"));
        }
        Map<HospitalGrade, Money> first = new EnumMap<>(HospitalGrade.class);
        Map<HospitalGrade, Money> later = new EnumMap<>(HospitalGrade.class);
        boolean anyLater = subsequent.values().stream().anyMatch(f -> !f.getValue().isBlank());
        for (HospitalGrade g : HospitalGrade.values()) {
            putMoney(first, g, amounts.get(g).getValue(), "起付标准（" + g.label() + "）", "Deductible (" + g.labelEn() + ")", problems);
            if (anyLater) {
                putMoney(later, g, subsequent.get(g).getValue(), "再次住院起付标准（" + g.label() + "）",
                        "Later-admission deductible (" + g.labelEn() + ")", problems);
            }
        }
        problems.addAll(PolicyValidation.deductible(mode.getValue(), first, later));
        List<FundRule> rules = new ArrayList<>();
        if (funds.isEmpty()) {
            problems.add(new PolicyProblem("至少需要一个基金", "At least one fund is needed"));
        }
        for (FundEditor f : funds) {
            f.read(problems).ifPresent(rules::add);
        }
        PolicyValidation.requireValid(problems);
        return new PolicyVersion(key, effectiveFrom.getValue(),
                new DeductibleRule(mode.getValue(), first, later), rules);
    }

    private static void putMoney(Map<HospitalGrade, Money> map, HospitalGrade g, String text, String whatZh, String whatEn,
                                 List<PolicyProblem> problems) {
        BigDecimal d = decimal(text, whatZh, whatEn, problems);
        if (d != null) {
            map.put(g, new Money(d));
        }
    }

    /** A decimal or null; blank is null without a problem, anything else unreadable adds one. */
    private static BigDecimal decimal(String text, String whatZh, String whatEn, List<PolicyProblem> problems) {
        String t = text == null ? "" : text.strip().replace(",", "").replace("，", "");
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            problems.add(new PolicyProblem(whatZh + "不是数值：" + text.strip(), whatEn + " is not a number: " + text.strip()));
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.policies.title");
    }

    /** One fund: code, name, base, base fund, scope, annual cap, and per grade its bands, one per line. */
    private final class FundEditor extends VerticalLayout {

        private final H4 heading = new H4();
        private final TextField code = new TextField(getTranslation("admin.policies.fund.code"));
        private final TextField name = new TextField(getTranslation("admin.policies.fund.name"));
        private final ComboBox<FundBase> base = new ComboBox<>(getTranslation("admin.policies.fund.base"));
        private final TextField baseFund = new TextField(getTranslation("admin.policies.fund.base-fund"));
        private final ComboBox<BandScope> scope = new ComboBox<>(getTranslation("admin.policies.fund.scope"));
        private final TextField cap = new TextField(getTranslation("admin.policies.fund.cap"));
        private final Map<HospitalGrade, TextArea> bands = new EnumMap<>(HospitalGrade.class);

        FundEditor(FundRule rule) {
            boolean en = "en".equals(getLocale().getLanguage());
            setPadding(false);
            base.setItems(FundBase.values());
            base.setItemLabelGenerator(b -> en ? b.labelEn() : b.label());
            scope.setItems(BandScope.values());
            scope.setItemLabelGenerator(s -> en ? s.labelEn() : s.label());
            baseFund.setHelperText(getTranslation("admin.policies.fund.base-fund.help"));
            FormLayout form = new FormLayout(code, name, base, baseFund, scope, cap);
            for (HospitalGrade g : HospitalGrade.values()) {
                TextArea area = new TextArea(getTranslation("admin.policies.fund.bands", en ? g.labelEn() : g.label()));
                area.setHelperText(getTranslation("admin.policies.fund.bands.help"));
                bands.put(g, area);
                form.add(area);
            }
            Button up = new Button(getTranslation("admin.policies.fund.up"), e -> move(this, -1));
            Button down = new Button(getTranslation("admin.policies.fund.down"), e -> move(this, 1));
            Button remove = new Button(getTranslation("admin.policies.fund.remove"), e -> {
                funds.remove(this);
                refreshFunds();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(heading, form, new HorizontalLayout(up, down, remove));
            if (rule == null) {
                scope.setValue(BandScope.PER_SETTLEMENT);
                base.setValue(FundBase.ABOVE_DEDUCTIBLE);
                bands.values().forEach(a -> a.setValue("0, , 0"));
                return;
            }
            code.setValue(rule.code());
            name.setValue(rule.name());
            base.setValue(rule.base());
            baseFund.setValue(rule.baseFund() == null ? "" : rule.baseFund());
            scope.setValue(rule.scope());
            cap.setValue(rule.annualCap().yuan().toPlainString());
            for (HospitalGrade g : HospitalGrade.values()) {
                bands.get(g).setValue(String.join("\n", rule.bands(g).stream().map(b -> b.from().yuan().toPlainString() + ", "
                        + (b.to() == null ? "" : b.to().yuan().toPlainString()) + ", " + b.percent().toPlainString()).toList()));
            }
        }

        void setIndex(int i) {
            heading.setText(getTranslation("admin.policies.fund", i + 1));
            String id = "fund-" + i;
            setId(id);
            code.setId(id + "-code");
            name.setId(id + "-name");
            base.setId(id + "-base");
            baseFund.setId(id + "-base-fund");
            scope.setId(id + "-scope");
            cap.setId(id + "-cap");
            bands.forEach((g, a) -> a.setId(id + "-bands-" + g.name()));
        }

        /** The fund, or nothing when it has problems (added to {@code problems} with the fund and grade named). */
        java.util.Optional<FundRule> read(List<PolicyProblem> problems) {
            String c = code.getValue().strip();
            String label = c.isEmpty() ? String.valueOf(funds.indexOf(this) + 1) : c;
            List<PolicyProblem> own = new ArrayList<>();
            BigDecimal capValue = decimal(cap.getValue(), "年度最高支付限额", "The annual cap", own);
            Map<HospitalGrade, List<RatioBand>> table = new EnumMap<>(HospitalGrade.class);
            for (HospitalGrade g : HospitalGrade.values()) {
                List<PolicyProblem> gradeProblems = new ArrayList<>();
                List<RatioBand> list = bands(bands.get(g).getValue(), gradeProblems);
                if (gradeProblems.isEmpty()) {
                    table.put(g, list);
                } else {
                    gradeProblems.forEach(p -> own.add(new PolicyProblem(g.label() + "医院：" + p.messageZh(),
                            g.labelEn() + " hospitals: " + p.messageEn())));
                    // a valid stand-in, so that the fund's own checks do not report the grade again
                    table.put(g, List.of(new RatioBand(Money.ZERO, null, BigDecimal.ZERO)));
                }
            }
            String bf = baseFund.getValue().strip();
            List<PolicyProblem> fundProblems = PolicyValidation.fund(c, name.getValue(), base.getValue(), bf.isEmpty() ? null : bf,
                    scope.getValue(), table, capValue == null ? null : new Money(capValue));
            // PolicyValidation.fund names the fund itself; the problems found here get the same context
            own.forEach(p -> problems.add(new PolicyProblem("基金 " + label + "：" + p.messageZh(),
                    "Fund " + label + ": " + p.messageEn())));
            problems.addAll(fundProblems);
            if (!own.isEmpty() || !fundProblems.isEmpty()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new FundRule(c, name.getValue(), base.getValue(), bf.isEmpty() ? null : bf,
                    scope.getValue(), table, new Money(capValue)));
        }

        /** Lines {@code from, to, percent}; an empty {@code to} is open-ended. */
        private List<RatioBand> bands(String text, List<PolicyProblem> problems) {
            List<RatioBand> list = new ArrayList<>();
            String[] lines = text == null ? new String[0] : text.strip().split("\\R");
            int n = 0;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                n++;
                String zh = "第 " + n + " 段";
                String en = "Band " + n;
                String[] parts = line.split("[,，;；\\t]", -1);
                if (parts.length != 3) {
                    problems.add(new PolicyProblem(zh + "应写作「下限, 上限, 比例」：" + line.strip(),
                            en + " must read \"from, to, percent\": " + line.strip()));
                    continue;
                }
                BigDecimal from = decimal(parts[0], zh + "下限", en + " lower bound", problems);
                BigDecimal to = decimal(parts[1], zh + "上限", en + " upper bound", problems);
                BigDecimal percent = decimal(parts[2].replace("%", ""), zh + "比例", en + " ratio", problems);
                List<PolicyProblem> band = PolicyValidation.band(from == null ? null : new Money(from),
                        to == null ? null : new Money(to), percent);
                if (band.isEmpty()) {
                    list.add(new RatioBand(new Money(from), to == null ? null : new Money(to), percent));
                } else {
                    band.forEach(p -> problems.add(new PolicyProblem(zh + "：" + p.messageZh(), en + ": " + p.messageEn())));
                }
            }
            if (problems.isEmpty()) {
                problems.addAll(PolicyValidation.bands(list));
            }
            return list;
        }
    }
}
