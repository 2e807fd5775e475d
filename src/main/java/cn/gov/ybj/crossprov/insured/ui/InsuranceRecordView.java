package cn.gov.ybj.crossprov.insured.ui;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.ContributionPeriod;
import cn.gov.ybj.crossprov.insured.InsuranceRecord;
import cn.gov.ybj.crossprov.insured.InsuranceRegistry;
import cn.gov.ybj.crossprov.insured.InsuredAccounts;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.ui.PhoneLayout;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.YearMonth;
import java.util.Optional;

/** 参保信息: the registry entry linked to the account and its contribution periods, or why there is none. */
@Route(value = "insured/record", layout = MainLayout.class)
@Menu(title = "nav.insured.record", order = 130)
@RolesAllowed(Roles.INSURED)
public class InsuranceRecordView extends VerticalLayout implements HasDynamicTitle {

    public InsuranceRecordView(CurrentUser currentUser, InsuredAccounts accounts, InsuranceRegistry registry, DivisionNames divisions) {
        H2 title = new H2(getTranslation("insured.record.title"));
        title.setId("view-title");
        add(title);
        boolean en = Texts.english(this);
        Optional<InsuranceRecord> found = accounts.boundRecord(currentUser.require());
        if (found.isEmpty()) {
            Paragraph missing = new Paragraph(en ? InsuranceRegistry.NOT_FOUND_EN : InsuranceRegistry.NOT_FOUND_ZH);
            missing.setId("not-in-registry");
            add(missing);
            return;
        }
        InsuranceRecord r = found.get();
        FormLayout form = new FormLayout();
        form.setId("record");
        form.add(field("insured.record.name", r.name()),
                field("idnumber", r.maskedIdNumber()),
                field("insured.record.sex", getTranslation("M".equals(r.sex()) ? "insured.sex.m" : "insured.sex.f")),
                field("insured.record.birth", r.birthDate().toString()),
                field("insured.record.area", divisions.name(r.poolingAreaCode()).orElse("") + " (" + r.poolingAreaCode() + ")"),
                field("insured.record.type", en ? r.insuranceType().labelEn() : r.insuranceType().label()),
                field("insured.record.person", en ? r.personType().labelEn() : r.personType().label()),
                field("insured.record.status", en ? r.status().labelEn() : r.status().label()),
                field("insured.record.employer", r.employer() == null ? "—" : r.employer()));
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));

        Grid<ContributionPeriod> periods = new Grid<>();
        periods.setId("periods");
        periods.addColumn(p -> divisions.name(p.poolingAreaCode()).orElse(p.poolingAreaCode()))
                .setHeader(getTranslation("insured.record.area")).setAutoWidth(true);
        periods.addColumn(p -> en ? p.insuranceType().labelEn() : p.insuranceType().label()).setHeader(getTranslation("insured.record.type"));
        periods.addColumn(p -> YearMonth.from(p.startMonth()).toString()).setHeader(getTranslation("insured.periods.start"));
        periods.addColumn(p -> p.endMonth() == null ? getTranslation("insured.periods.open") : YearMonth.from(p.endMonth()).toString())
                .setHeader(getTranslation("insured.periods.end"));
        periods.addColumn(ContributionPeriod::months).setHeader(getTranslation("insured.periods.months"));
        PhoneLayout.cards(periods, getTranslation("insured.periods.title"), p -> PhoneLayout.card(
                divisions.name(p.poolingAreaCode()).orElse(p.poolingAreaCode()) + " · " + (en ? p.insuranceType().labelEn() : p.insuranceType().label()),
                YearMonth.from(p.startMonth()) + " ~ " + (p.endMonth() == null ? getTranslation("insured.periods.open") : YearMonth.from(p.endMonth()).toString())
                        + " · " + getTranslation("insured.periods.months") + " " + p.months()));
        periods.setEmptyStateText(getTranslation("insured.periods.empty"));
        periods.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        periods.setAllRowsVisible(true);
        periods.setItems(registry.periods(r.idNumber()));
        add(form, new H3(getTranslation("insured.periods.title")), periods);
    }

    private TextField field(String labelKey, String value) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        return field;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("insured.record.title");
    }
}
