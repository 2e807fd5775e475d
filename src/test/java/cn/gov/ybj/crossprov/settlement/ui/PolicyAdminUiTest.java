package cn.gov.ybj.crossprov.settlement.ui;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.settlement.BandScope;
import cn.gov.ybj.crossprov.settlement.DeductibleRule;
import cn.gov.ybj.crossprov.settlement.FundBase;
import cn.gov.ybj.crossprov.settlement.FundRule;
import cn.gov.ybj.crossprov.settlement.HospitalGrade;
import cn.gov.ybj.crossprov.settlement.PolicyKey;
import cn.gov.ybj.crossprov.settlement.PolicyVersion;
import cn.gov.ybj.crossprov.settlement.RatioBand;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies.AuditAction;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies.StoredVersion;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 待遇政策维护 in a browserless Vaadin on the embedded PostgreSQL: a process admin saves a new
 * version from a later date; an invalid band table is refused with the model's message in the
 * user's language and nothing is saved; a clerk without the role does not get the screen. Keys of
 * area 440500 (no demo policies), each test its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PolicyAdminUiTest extends KaribuSpringSupport {

    static final AppUser SEED_ADMIN = new AppUser(Realm.CLERKS, "process-admin", "流程管理员",
            Set.of(Roles.CLERK, Roles.PROCESS_ADMIN), List.of("process-admins"), "110105");

    @Autowired
    SettlementPolicies policies;

    private final LocalDate today = ChinaTime.today();

    /** A version of the key from 2023-01-01 made through the API: deductible 1,000; POOLING 70 % / 75 % from 10,000. */
    private PolicyKey seed(PersonType personType) {
        PolicyKey key = PolicyKey.of("440500", InsuranceType.EMPLOYEE, personType);
        policies.save(SEED_ADMIN, new PolicyVersion(key, LocalDate.of(2023, 1, 1),
                DeductibleRule.perAdmission(DeductibleRule.allGrades(Money.yuan("1000"))),
                List.of(FundRule.of("POOLING", "统筹基金", FundBase.ABOVE_DEDUCTIBLE, BandScope.PER_SETTLEMENT,
                        FundRule.allGrades(RatioBand.of("0", "10000", "70"), RatioBand.openFrom("10000", "75")),
                        Money.yuan("100000")))));
        return key;
    }

    private void processAdminOpens(PolicyKey key) {
        login(Realm.CLERKS, "process-admin", null, List.of("area-110105", "process-admins"), List.of());
        UI.getCurrent().navigate("admin/settlement-policies");
        _setValue(_get(ComboBox.class, spec -> spec.withId("area")), key.insuredArea().toString());
        _setValue(_get(ComboBox.class, spec -> spec.withId("insurance-type")), key.insuranceType());
        _setValue(_get(ComboBox.class, spec -> spec.withId("person-type")), key.personType());
    }

    @SuppressWarnings("unchecked")
    private static Grid<StoredVersion> versions() {
        return _get(Grid.class, spec -> spec.withId("versions"));
    }

    @Test
    void aProcessAdminSavesANewVersionFromALaterDate() {
        PolicyKey key = seed(PersonType.IN_SERVICE);
        processAdminOpens(key);
        Grid<StoredVersion> versions = versions();
        assertThat(GridKt._size(versions)).isEqualTo(1);
        versions.select(GridKt._get(versions, 0));

        // the version in force is continued from a later date: the date is left empty to choose
        DatePicker from = _get(DatePicker.class, spec -> spec.withId("effective-from"));
        assertThat(from.getValue()).isNull();
        LocalDate next = today.plusDays(100);
        _setValue(from, next);
        _setValue(_get(TextField.class, spec -> spec.withId("deductible-GRADE_3")), "1200");
        _setValue(_get(TextArea.class, spec -> spec.withId("fund-0-bands-GRADE_3")), "0, 20000, 72\n20000, , 80");
        _click(_get(Button.class, spec -> spec.withId("add-fund")));
        _setValue(_get(TextField.class, spec -> spec.withId("fund-1-code")), "LARGE_AMOUNT");
        _setValue(_get(TextField.class, spec -> spec.withId("fund-1-name")), "大额医疗费用补助");
        _setValue(_get(ComboBox.class, spec -> spec.withId("fund-1-base")), FundBase.ABOVE_CAP_OF);
        _setValue(_get(TextField.class, spec -> spec.withId("fund-1-base-fund")), "POOLING");
        _setValue(_get(TextField.class, spec -> spec.withId("fund-1-cap")), "300000");
        for (HospitalGrade g : HospitalGrade.values()) {
            _setValue(_get(TextArea.class, spec -> spec.withId("fund-1-bands-" + g.name())), "0, , 85");
        }
        _click(_get(Button.class, spec -> spec.withId("save")));

        assertThat(_find(Div.class, spec -> spec.withId("errors"))).as("no errors shown").isEmpty();
        assertThat(GridKt._size(versions)).isEqualTo(2);
        PolicyVersion saved = policies.require(key, next);
        assertThat(saved.effectiveFrom()).isEqualTo(next);
        assertThat(saved.deductible().amounts().get(HospitalGrade.GRADE_3)).isEqualTo(Money.yuan("1200"));
        assertThat(saved.deductible().amounts().get(HospitalGrade.GRADE_2)).isEqualTo(Money.yuan("1000"));
        assertThat(saved.fund("POOLING").orElseThrow().bands(HospitalGrade.GRADE_3))
                .containsExactly(RatioBand.of("0", "20000", "72"), RatioBand.openFrom("20000", "80"));
        FundRule large = saved.fund("LARGE_AMOUNT").orElseThrow();
        assertThat(large.base()).isEqualTo(FundBase.ABOVE_CAP_OF);
        assertThat(large.baseFund()).isEqualTo("POOLING");
        assertThat(large.bands(HospitalGrade.GRADE_1)).containsExactly(new RatioBand(Money.ZERO, null, new BigDecimal("85")));
        assertThat(saved.funds()).extracting(FundRule::code).containsExactly("POOLING", "LARGE_AMOUNT");
        // the old version still applies until the day before
        assertThat(policies.require(key, next.minusDays(1)).effectiveFrom()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(policies.audit(key).get(0).action()).isEqualTo(AuditAction.NEW_VERSION);
        assertThat(policies.audit(key).get(0).changedBy()).isEqualTo("clerks:process-admin");
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("audit")))).isEqualTo(2);
    }

    @Test
    void anInvalidBandIsShownWithItsMessageAndNothingIsSaved() {
        PolicyKey key = seed(PersonType.RETIRED);
        processAdminOpens(key);
        Grid<StoredVersion> versions = versions();
        versions.select(GridKt._get(versions, 0));
        _setValue(_get(DatePicker.class, spec -> spec.withId("effective-from")), today.plusDays(50));
        _setValue(_get(TextArea.class, spec -> spec.withId("fund-0-bands-GRADE_3")), "0, 10000, 70\n12000, , 120");
        _click(_get(Button.class, spec -> spec.withId("save")));

        Div errors = _get(Div.class, spec -> spec.withId("errors"));
        assertThat(errors.isVisible()).isTrue();
        assertThat(errors.getText()).contains("基金 POOLING：三级医院：第 2 段：支付比例应在 0% 到 100% 之间：120%");
        assertThat(policies.versions(key)).hasSize(1);
        assertThat(policies.audit(key)).hasSize(1);

        // in English, the same check in English; a gap between the bands is named with its amounts
        _setValue(_get(TextArea.class, spec -> spec.withId("fund-0-bands-GRADE_3")), "0, 10000, 70\n12000, , 75");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(errors.getText()).contains("Fund POOLING: grade 3 hospitals: Gap between band 1 and band 2: 10000.00–12000.00");
        assertThat(policies.versions(key)).hasSize(1);
        assertThat(policies.audit(key)).hasSize(1);
    }

    @Test
    void aClerkWithoutTheRoleCannotOpenTheScreen() {
        login(Realm.CLERKS, "cy-reviewer", null, List.of("area-110105"), List.of("reviewer"));
        UI.getCurrent().navigate("admin/settlement-policies");
        assertThat(_find(PolicyAdminView.class)).isEmpty();
        _get(H2.class, spec -> spec.withId("access-denied"));
    }
}
