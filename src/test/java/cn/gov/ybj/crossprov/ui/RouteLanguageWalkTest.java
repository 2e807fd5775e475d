package cn.gov.ybj.crossprov.ui;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.DemoRegistryGenerator;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.reference.InstitutionImport;
import cn.gov.ybj.crossprov.settlement.HospitalSettlements;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies;
import cn.gov.ybj.crossprov.settlement.SettlementUpload;
import cn.gov.ybj.crossprov.settlement.StoredDemoPolicies;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.transfer.TransferCase;
import cn.gov.ybj.crossprov.transfer.TransferCases;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 point 5: one language at a time on every screen. Every {@code @Route} of the application (and its aliases) is
 * opened by every role that may open it, in Chinese and in English; the visible text of the whole component tree (texts,
 * labels, helper texts, placeholders, titles, grid headers and the first rows, combo box and select items, notifications,
 * Upload and DatePicker i18n, every tab of a tab sheet) is collected. In English no Chinese character or full-width
 * punctuation may remain; in Chinese no English word may remain but the few abbreviations and product names of
 * {@link #ALLOWED_WORDS}. Data is exempt by value: the names, areas, institutions and fixture values loaded from the
 * database or written by this test are removed from the text before the check, never whole components.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RouteLanguageWalkTest extends KaribuSpringSupport {

    // persons of this test only (born 1934: no demo person is): 厦门 employee (self-service filing, transfer, settlement),
    // 北京朝阳 employee (a quick-filing area: the filing waits for review)
    static final String XIAMEN_PERSON = DemoRegistryGenerator.withCheck("35020319340606815");
    static final String CHAOYANG_PERSON = DemoRegistryGenerator.withCheck("11010519340606826");
    static final String HOSPITAL = "1101059100031";
    static final String SETTLEMENT_NO = "WALK-1";

    /** English words allowed in Chinese mode: abbreviations, file formats, units and product names. */
    static final Set<String> ALLOWED_WORDS = Set.of("PDF", "ID", "Excel", "CSV", "API", "URL", "QR", "Camunda", "Cockpit",
            "English", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB");

    /** The language switch names the other language in that language. */
    static final String SWITCH_TO_CHINESE = "中文";
    /** A masked person name (王**) is data as the name is. */
    static final Pattern MASKED_NAME = Pattern.compile("\\p{IsHan}\\*+");
    /** Karibu's rendering of a component in a grid cell: its text is in {@code text='…'}. */
    static final Pattern CELL_COMPONENT = Pattern.compile("^[A-Za-z]+\\[.*\\]$", Pattern.DOTALL);
    static final Pattern CELL_TEXT = Pattern.compile("text='([^']*)'");

    /** Chinese characters and the full-width punctuation of Chinese text (：，。、（）「」…). */
    static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF01-\\uFF65]+");
    static final Pattern ENGLISH_WORD = Pattern.compile("\\b[A-Za-z][A-Za-z']+\\b");
    /** codes, numbers, ids and account names: a token with a digit, a UUID, an e-mail */
    static final Pattern CODE = Pattern.compile("[\\w.@-]*\\d[\\w.@-]*");

    /** Text properties of Vaadin's web components and HTML attributes a user reads. */
    static final List<String> TEXT_PROPERTIES = List.of("label", "placeholder", "helperText", "title", "errorMessage", "text",
            "headerTitle", "accessibleName", "innerHTML");
    static final List<String> TEXT_ATTRIBUTES = List.of("title", "aria-label", "placeholder", "alt", "label");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FilingManagement filings;
    @Autowired
    TransferCases transfers;
    @Autowired
    TaskService tasks;
    @Autowired
    InstitutionImport institutions;
    @Autowired
    SettlementPolicies policies;
    @Autowired
    HospitalSettlements settlements;

    /** One role that may open screens: how it logs in. */
    record Role(String name, Supplier<AppUser> login) {
    }

    @Test
    void everyRouteSpeaksOneLanguageInChineseAndInEnglish() throws Exception {
        Map<String, String> params = fixtures();
        Map<String, String> explained = Map.of(
                "", "forwards to the role's start screen, walked as that screen",
                "home", "forwards to the role's start screen, walked as that screen",
                "clerk/change-review/:taskId", "task content: FilingChangeUiTest; here the not-found state",
                "clerk/supplement-review/:taskId", "task content: SupplementUiTest; here the not-found state",
                "clerk/cancellation-review/:taskId", "task content: FilingCancellationUiTest; here the not-found state",
                "clerk/chronic-choice-review/:taskId", "task content: ChronicChoiceUiTest; here the not-found state");
        List<Role> roles = List.of(
                new Role("insured", () -> insured("walk-insured", XIAMEN_PERSON)),
                new Role("counter", () -> login(Realm.CLERKS, "walk-counter", null, List.of("area-350200"), List.of("counter"))),
                new Role("reviewer-xm", () -> login(Realm.CLERKS, "walk-xm-reviewer", null, List.of("area-350200"), List.of("reviewer"))),
                new Role("reviewer-cy", () -> login(Realm.CLERKS, "walk-cy-reviewer", null, List.of("area-110105"), List.of("reviewer"))),
                new Role("provincial", () -> login(Realm.PROVINCIAL, "walk-fj-clearing", null, List.of("province-350000"), List.of("clearing"))),
                new Role("national", () -> login(Realm.PROVINCIAL, "walk-nc-clearing", null, List.of("national-centre"), List.of("clearing"))),
                new Role("process-admin", () -> login(Realm.CLERKS, "walk-admin", null, List.of("area-350200", "process-admins"), List.of())));
        List<String> data = dataValues();

        Map<String, Set<String>> violations = new TreeMap<>();
        Map<String, Set<String>> opened = new TreeMap<>();
        Set<String> templates = new TreeSet<>();
        StringBuilder dump = new StringBuilder();
        Map<String, Set<String>> seen = new TreeMap<>(); // language → every text read
        for (boolean english : List.of(false, true)) {
            String lang = english ? "en" : "zh";
            boolean publicWalked = false;
            for (Role role : roles) {
                role.login().get();
                if (english) {
                    LanguageSupport.toggle(UI.getCurrent()); // reloads: a new UI in English
                }
                assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo(english ? "en" : "zh");
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                AccessAnnotationChecker access = new AccessAnnotationChecker();
                List<String[]> targets = new ArrayList<>(); // template, path, view class
                for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
                    Class<? extends Component> view = route.getNavigationTarget();
                    if (!access.hasAccess(view, auth, r -> auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + r)))) {
                        continue;
                    }
                    boolean open = view.isAnnotationPresent(AnonymousAllowed.class) || view.isAnnotationPresent(PermitAll.class);
                    if (open && publicWalked) {
                        continue; // screens for everyone: once per language
                    }
                    List<String> all = new ArrayList<>();
                    all.add(route.getTemplate());
                    route.getRouteAliases().forEach(a -> all.add(a.getTemplate()));
                    for (String template : all) {
                        templates.add(template);
                        String path = template.contains(":") ? params.get(template) : template;
                        if (path == null) {
                            violations.computeIfAbsent("no parameter for " + template, k -> new TreeSet<>()).add("-");
                            continue;
                        }
                        targets.add(new String[]{template, path, view.getName()});
                    }
                }
                publicWalked = true;
                // the error screens: an unknown address, and one the role may not open
                targets.add(new String[]{"(not found)", "walk-no-such-page", null});
                targets.add(new String[]{"(denied)", role.name().equals("process-admin") ? "insured/record" : "admin/pooling-areas", null});
                for (String[] t : targets) {
                    String where = lang + " " + t[0];
                    NotificationsKt.clearNotifications();
                    try {
                        UI.getCurrent().navigate(t[1]);
                    } catch (RuntimeException e) {
                        violations.computeIfAbsent(where + " ✗ " + e, k -> new TreeSet<>()).add(role.name());
                        continue;
                    }
                    Object shown = UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
                    if (t[2] != null && shown.getClass().getName().equals(t[2])) {
                        opened.computeIfAbsent(t[0], k -> new TreeSet<>()).add(lang);
                    }
                    Set<String> texts = texts();
                    dump.append("\n== ").append(where).append(" [").append(role.name()).append("]\n").append(String.join("\n", texts));
                    seen.computeIfAbsent(lang, k -> new TreeSet<>()).addAll(texts);
                    for (String text : texts) {
                        String bad = english ? chinese(strip(text, data)) : english(strip(text, data));
                        if (!bad.isEmpty()) {
                            violations.computeIfAbsent(where + " «" + bad + "» in «" + abbreviate(text) + "»", k -> new TreeSet<>())
                                    .add(role.name());
                        }
                    }
                }
            }
        }

        String report = violations.entrySet().stream().map(e -> e.getKey() + "  [" + String.join(",", e.getValue()) + "]")
                .collect(Collectors.joining("\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/route-language-walk.txt"), report + "\n\nopened: " + opened);
        Files.writeString(Path.of("target/route-language-texts.txt"), dump);
        // the walk reads what a user reads: titles, grid headers and cells, Vaadin's own component texts
        assertThat(seen.get("zh")).contains("我的备案", "待办任务", "选择文件…", "今天", "状态");
        assertThat(seen.get("en")).contains("My filings", "Task inbox", "Today", "Status");
        assertThat(templates).as("routes found").hasSizeGreaterThan(40);
        Map<String, String> notOpened = new LinkedHashMap<>();
        for (String template : templates) {
            if (!explained.containsKey(template) && !opened.getOrDefault(template, Set.of()).equals(Set.of("en", "zh"))) {
                notOpened.put(template, String.valueOf(opened.get(template)));
            }
        }
        assertThat(notOpened).as("routes that no role opened in both languages").isEmpty();
        assertThat(report).as("mixed-language texts (also in target/route-language-walk.txt)").isEmpty();
    }

    @Test
    void theChecksFindTheOtherLanguageButNotTheAllowedWordsOrData() {
        assertThat(chinese("Status：Opened")).isEqualTo("：");
        assertThat(chinese("Insurance transfer (transfer-out) 厦门市 → 北京市")).isEqualTo("厦门市 北京市");
        assertThat(chinese(strip("Applicant 路游甲", List.of("路游甲")))).isEmpty();
        assertThat(english("下载住院结算单（PDF）")).isEmpty();
        assertThat(english("流水号 WALK-1，ID 35020319340606815X")).isEmpty();
        assertThat(english("状态 Opened")).isEqualTo("Opened");
    }

    /** The persons, filings, transfer and settlement the routes with a parameter open; their concrete paths by template. */
    private Map<String, String> fixtures() throws Exception {
        LocalDate today = ChinaTime.today();
        person(XIAMEN_PERSON, "路游甲", "350200");
        person(CHAOYANG_PERSON, "路游乙", "110105");
        cn.gov.ybj.crossprov.TestUsers.bind(jdbc, "walk-insured", XIAMEN_PERSON);
        cn.gov.ybj.crossprov.TestUsers.bind(jdbc, "walk-chaoyang", CHAOYANG_PERSON);
        AppUser xm = cn.gov.ybj.crossprov.TestUsers.insured("walk-insured", XIAMEN_PERSON);
        AppUser cy = cn.gov.ybj.crossprov.TestUsers.insured("walk-chaoyang", CHAOYANG_PERSON);

        Filing opened = filings.submit(xm, application(XIAMEN_PERSON, "350200", today.minusDays(30), today.plusDays(30)), "walk-xm");
        Filing inReview = filings.submit(cy, application(CHAOYANG_PERSON, "110105", today.plusDays(10), today.plusDays(40)), "walk-cy");

        String csv = InstitutionImport.HEADER + "\n"
                + "1,110105,北京朝阳界面测试医院（演示）," + HOSPITAL + ",三级甲等,综合医院,北京市朝阳区测试路 31 号\n";
        assertThat(institutions.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true).ok()).isTrue();
        StoredDemoPolicies.store(policies, k -> true);
        AppUser hospital = new AppUser(Realm.PROVINCIAL, "service-account-hospital-system", "hospital", Set.of("HOSPITAL"),
                List.of(), null, HOSPITAL);
        LocalDate day = today.minusDays(2);
        settlements.upload(hospital, new SettlementUpload(SETTLEMENT_NO, XIAMEN_PERSON, null, HOSPITAL, "ZY-WALK-1", "OUTPATIENT",
                "心内科", day.minusDays(5), day, false, List.of(new SettlementUpload.Category("西药费", new BigDecimal("12000.00"),
                new BigDecimal("150.00"))), List.of("I21.900"), List.of("急性心肌梗死")));

        TransferCase transfer = transfers.list(xm, null, 10).stream().findFirst()
                .orElseGet(() -> transfers.applyOut(xm, "110105", "13900000001"));

        String filing = opened.id().toString();
        Map<String, String> params = new LinkedHashMap<>();
        String id = ":id([0-9a-fA-F-]{36})";
        params.put("insured/filing/" + id, "insured/filing/" + filing);
        params.put("clerk/filing/" + id, "clerk/filing/" + filing);
        for (String sub : List.of("chronic", "supplement", "cancel", "edit", "change")) {
            params.put("insured/filing/" + id + "/" + sub, "insured/filing/" + filing + "/" + sub);
        }
        params.put("clerk/filing/" + id + "/change", "clerk/filing/" + filing + "/change");
        params.put("insured/progress/:pi", "insured/progress/" + opened.processInstanceId());
        params.put("clerk/filing-review/:taskId", "clerk/filing-review/" + taskOf(inReview.processInstanceId()));
        params.put("clerk/transfer-task/:taskId", "clerk/transfer-task/" + taskOf(transfer.getProcessInstanceId()));
        params.put("transfers/:id", "transfers/" + transfer.getId());
        params.put("settlements/:institution/:no", "settlements/" + HOSPITAL + "/" + SETTLEMENT_NO);
        for (String review : List.of("change-review", "supplement-review", "cancellation-review", "chronic-choice-review")) {
            params.put("clerk/" + review + "/:taskId", "clerk/" + review + "/walk-no-such-task");
        }
        return params;
    }

    private String taskOf(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).list().get(0).getId();
    }

    private static FilingApplication application(String idNumber, String area, LocalDate start, LocalDate end) {
        return new FilingApplication(idNumber, area, area.startsWith("11") ? "440300" : "110000", InsuranceType.EMPLOYEE,
                FilingType.OTHER_TEMPORARY, start, end, "联系人", "13800138000", "北京市朝阳区示例路 1 号", null,
                false, false, false, true, true, List.of());
    }

    private void person(String id, String name, String area) {
        jdbc.sql("""
                INSERT INTO app.insurance_record (id_number, name, sex, birth_date, pooling_area_code, insurance_type,
                    person_type, status, employer, demo)
                VALUES (?, ?, 'F', DATE '1934-06-06', ?, 'EMPLOYEE', 'IN_SERVICE', 'NORMAL', '测试单位', true) ON CONFLICT DO NOTHING""")
                .params(id, name, area).update();
        jdbc.sql("""
                INSERT INTO app.contribution_period (id_number, pooling_area_code, insurance_type, start_month)
                SELECT ?, ?, 'EMPLOYEE', DATE '2015-01-01'
                WHERE NOT EXISTS (SELECT 1 FROM app.contribution_period WHERE id_number = ?)""").params(id, area, id).update();
        jdbc.sql("""
                INSERT INTO app.insurance_account (id_number, balance, arrears) VALUES (?, 100, 0) ON CONFLICT DO NOTHING""")
                .param(id).update();
    }

    /**
     * Data that stays as stored in either language: names of persons and staff, divisions and areas, agencies and banks,
     * institutions, and the values this test wrote (contact, address, department, diagnosis). Longest first, so that a
     * name is removed whole before a shorter name inside it.
     */
    private List<String> dataValues() {
        Set<String> values = new LinkedHashSet<>();
        values.addAll(jdbc.sql("SELECT name FROM app.insurance_record").query(String.class).list());
        values.addAll(jdbc.sql("SELECT employer FROM app.insurance_record WHERE employer IS NOT NULL").query(String.class).list());
        values.addAll(jdbc.sql("SELECT display_name FROM app.staff_name").query(String.class).list());
        values.addAll(jdbc.sql("SELECT name FROM app.division").query(String.class).list());
        for (String column : List.of("agency_name", "agency_address", "bank_account_name", "bank_name", "agency_phone")) {
            values.addAll(jdbc.sql("SELECT " + column + " FROM app.pooling_area WHERE " + column + " IS NOT NULL").query(String.class).list());
        }
        for (String column : List.of("name", "grade", "category", "address")) {
            values.addAll(jdbc.sql("SELECT " + column + " FROM app.designated_institution WHERE " + column + " IS NOT NULL")
                    .query(String.class).list());
        }
        values.addAll(List.of("联系人", "北京市朝阳区示例路 1 号", "心内科", "西药费", "急性心肌梗死", "测试单位"));
        // the account names of the walk's users
        values.addAll(List.of("walk-insured", "walk-counter", "walk-xm-reviewer", "walk-cy-reviewer", "walk-fj-clearing",
                "walk-nc-clearing", "walk-admin"));
        // the funds as the area's policy names them (a settlement stores them so), the institutions file's required header
        values.addAll(List.of("统筹基金", "大额医疗费用补助", InstitutionImport.HEADER));
        return values.stream().filter(v -> v != null && v.strip().length() >= 2).map(String::strip).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static String strip(String text, List<String> data) {
        if (text.strip().equals(SWITCH_TO_CHINESE)) {
            return "";
        }
        String s = MASKED_NAME.matcher(text).replaceAll(" ");
        for (String v : data) {
            if (s.contains(v)) {
                s = s.replace(v, " ");
            }
        }
        return s;
    }

    static String chinese(String text) {
        Matcher m = CHINESE.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return String.join(" ", found);
    }

    static String english(String text) {
        Matcher m = ENGLISH_WORD.matcher(CODE.matcher(text).replaceAll(" "));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            if (!ALLOWED_WORDS.contains(m.group())) {
                found.add(m.group());
            }
        }
        return String.join(" ", found);
    }

    private static String abbreviate(String text) {
        String s = text.replaceAll("\\s+", " ").strip();
        return s.length() > 120 ? s.substring(0, 117) + "…" : s;
    }

    /** Every text the user can read on the current screen, each tab of a tab sheet included. */
    private static Set<String> texts() {
        Set<String> found = new LinkedHashSet<>();
        UI ui = UI.getCurrent();
        collect(ui, found);
        NotificationsKt.getNotifications().forEach(n -> collect(n, found));
        List<TabSheet> sheets = new ArrayList<>();
        components(ui).filter(TabSheet.class::isInstance).map(TabSheet.class::cast).forEach(sheets::add);
        for (TabSheet sheet : sheets) {
            int selected = sheet.getSelectedIndex();
            for (int i = 0; i < sheet.getTabCount(); i++) {
                sheet.setSelectedIndex(i);
                collect(sheet, found);
            }
            sheet.setSelectedIndex(selected);
        }
        return found;
    }

    private static Stream<Component> components(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(RouteLanguageWalkTest::components));
    }

    /**
     * A component's texts and its children's: the component tree, not the element tree, as a route's content hangs
     * under the UI's wrapper element, not under the UI's own.
     */
    private static void collect(Component c, Set<String> found) {
        elementTexts(c.getElement(), found);
        componentTexts(c, found);
        c.getChildren().forEach(child -> collect(child, found));
    }

    /** The element's text properties and attributes, its text nodes and plain child elements (a child component's are its own). */
    private static void elementTexts(Element e, Set<String> found) {
        if (e.isTextNode()) {
            add(found, e.getText());
            return;
        }
        for (String p : TEXT_PROPERTIES) {
            Object v = e.getPropertyRaw(p);
            if (v instanceof String s) {
                add(found, p.equals("innerHTML") ? s.replaceAll("<[^>]*>", " ") : s);
            }
        }
        for (String a : TEXT_ATTRIBUTES) {
            add(found, e.getAttribute(a));
        }
        e.getChildren().filter(child -> child.getComponent().isEmpty()).forEach(child -> elementTexts(child, found));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void componentTexts(Component c, Set<String> found) {
        try {
            if (c instanceof Grid grid) {
                for (Object o : grid.getColumns()) {
                    Grid.Column<?> col = (Grid.Column<?>) o;
                    add(found, col.getHeaderText());
                    if (col.getHeaderComponent() != null) {
                        collect(col.getHeaderComponent(), found);
                    }
                }
                int rows = Math.min(GridKt._size(grid), 8);
                for (int i = 0; i < rows; i++) {
                    GridKt._getFormattedRow(grid, i).forEach(cell -> cellText(found, (String) cell));
                }
            } else if (c instanceof ComboBox combo) {
                ((List<String>) ComboBoxKt.getSuggestions(combo)).stream().limit(40).forEach(s -> add(found, s));
            } else if (c instanceof Select select) {
                ((List<String>) ComboBoxKt.getSuggestions(select)).stream().limit(40).forEach(s -> add(found, s));
            } else if (c instanceof Upload upload) {
                UploadI18N i = upload.getI18n();
                if (i != null) {
                    Stream.of(i.getAddFiles().getOne(), i.getAddFiles().getMany(), i.getDropFiles().getOne(),
                            i.getDropFiles().getMany(), i.getFile().getRemove(), i.getFile().getRetry(),
                            i.getError().getFileIsTooBig(), i.getError().getIncorrectFileType(), i.getError().getTooManyFiles())
                            .forEach(s -> add(found, s));
                } else {
                    add(found, "(Upload without i18n: Vaadin's English texts)");
                }
            } else if (c instanceof DatePicker picker) {
                DatePicker.DatePickerI18n i = picker.getI18n();
                if (i != null && i.getMonthNames() != null) {
                    i.getMonthNames().forEach(s -> add(found, s));
                    add(found, i.getToday());
                    add(found, i.getCancel());
                } else {
                    add(found, "(DatePicker without i18n: Vaadin's English texts)");
                }
            }
        } catch (RuntimeException e) {
            add(found, "(cannot read " + c.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static void cellText(Set<String> found, String cell) {
        if (cell != null && CELL_COMPONENT.matcher(cell).matches()) {
            Matcher m = CELL_TEXT.matcher(cell);
            while (m.find()) {
                add(found, m.group(1));
            }
        } else {
            add(found, cell);
        }
    }

    private static void add(Set<String> found, String text) {
        if (text != null && !text.isBlank()) {
            found.add(text);
        }
    }
}
