package cn.gov.ybj.crossprov.settlement.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.settlement.HospitalSettlement;
import cn.gov.ybj.crossprov.settlement.SettlementQueries;
import cn.gov.ybj.crossprov.settlement.SettlementSlips;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;

import java.io.ByteArrayInputStream;

import java.util.List;

/**
 * One settlement with its split as the insured area computed it, for the person (own, linked
 * family) and the clerks of the insured area; anyone else gets 「未找到」, as for a number that does not exist.
 */
@Route(value = "settlements/:institution/:no", layout = MainLayout.class)
@RolesAllowed({Roles.INSURED, Roles.CLERK})
public class SettlementView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AppUser user;
    private final SettlementQueries queries;
    private final DivisionNames divisions;
    private final SettlementSlips slips;

    public SettlementView(CurrentUser currentUser, SettlementQueries queries, DivisionNames divisions, SettlementSlips slips) {
        this.user = currentUser.require();
        this.queries = queries;
        this.divisions = divisions;
        this.slips = slips;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String institution = event.getRouteParameters().get("institution").orElse("");
        String no = event.getRouteParameters().get("no").orElse("");
        H2 title = new H2(getTranslation("settlement.view.title"));
        title.setId("view-title");
        add(title);
        queries.find(user, institution, no).ifPresentOrElse(this::show, () -> {
            Paragraph none = new Paragraph(getTranslation("settlement.view.notFound"));
            none.setId("settlement-not-found");
            add(none);
        });
    }

    private void show(HospitalSettlement s) {
        boolean en = Errors.english(this);
        FormLayout facts = new FormLayout();
        facts.setId("settlement-facts");
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2),
                new FormLayout.ResponsiveStep("1000px", 3));
        field(facts, "settlement.no", s.settlementNo());
        field(facts, "settlement.status", SettlementGrids.status(this, s.status(), s.emergency()));
        field(facts, "settlement.personName", s.personName());
        field(facts, "settlement.idNumber", s.personIdNumber());
        field(facts, "settlement.insuredArea", name(s.insuredAreaName(), s.insuredAreaCode()));
        field(facts, "settlement.medicalArea", name(s.medicalAreaName(), s.medicalAreaCode()));
        field(facts, "settlement.hospital", name(s.hospitalName(), s.institutionCode()));
        field(facts, "settlement.hospitalGrade", s.hospitalGradeName() != null ? s.hospitalGradeName()
                : en ? s.hospitalGrade().name() : s.hospitalGrade().label());
        field(facts, "settlement.admissionDate", s.admissionDate().toString());
        field(facts, "settlement.dischargeDate", s.dischargeDate().toString());
        field(facts, "settlement.total", s.total().toString());
        field(facts, "settlement.inScope", s.inScope().toString());
        field(facts, "settlement.selfPaid", s.selfPaid().toString());
        field(facts, "settlement.deductible", s.deductible().toString());
        add(facts);

        String file = "settlement-" + s.institutionCode() + "-" + s.settlementNo() + ".pdf";
        // checked again when the link is followed: a settlement no longer visible gives 404
        Anchor slip = new Anchor(DownloadHandler.fromInputStream(event -> slips.forUser(user, s.institutionCode(), s.settlementNo())
                .map(pdf -> new DownloadResponse(new ByteArrayInputStream(pdf), file, "application/pdf", pdf.length))
                .orElseGet(() -> DownloadResponse.error(404))), getTranslation("settlement.slip.download"));
        slip.setId("settlement-slip");
        add(slip);

        H3 split = new H3(getTranslation("settlement.split"));
        Grid<Row> funds = new Grid<>();
        funds.setId("settlement-funds");
        funds.addColumn(Row::name).setHeader(getTranslation("settlement.fund")).setAutoWidth(true);
        funds.addColumn(r -> r.amount().toString()).setHeader(getTranslation("settlement.amount")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        funds.addThemeVariants(GridVariant.LUMO_COMPACT);
        funds.setAllRowsVisible(true);
        List<Row> rows = new java.util.ArrayList<>(s.funds().stream().map(f -> new Row(f.name(), f.amount())).toList());
        rows.add(new Row(getTranslation("settlement.fundsTotal"), s.fundsTotal()));
        rows.add(new Row(getTranslation("settlement.personalCash"), s.personalCash()));
        funds.setItems(rows);
        add(split, funds);
        if (s.reversal() != null) {
            Span reversed = new Span(getTranslation("settlement.reversedBecause", s.reversal().reason()));
            reversed.setId("settlement-reversal");
            add(reversed);
        }
    }

    private record Row(String name, Money amount) {
    }

    /** The name stored with the settlement, else the division's name today, with the code. */
    private String name(String stored, String code) {
        String name = stored != null ? stored : divisions.name(code).orElse(null);
        return name == null ? code : getTranslation("common.withCode", name, code);
    }

    private void field(FormLayout form, String key, String value) {
        Span v = new Span(value);
        form.addFormItem(v, getTranslation(key));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settlement.view.title");
    }
}
