package cn.gov.ybj.crossprov.settlement.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.settlement.DailyReconciliation;
import cn.gov.ybj.crossprov.settlement.Reconciliation;
import cn.gov.ybj.crossprov.settlement.ReconciliationCsv;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;

import java.io.ByteArrayInputStream;
import java.util.function.Function;

/**
 * 日对账 of provincial officers (their province's pairs, either side) and the national centre (all):
 * per 就医省 × 参保省 the hospitals' ledgers against the insured areas' settlements, the mismatches with
 * their settlement numbers, and the day as CSV for Excel.
 */
@Route(value = "provincial/reconciliation", layout = MainLayout.class)
@Menu(title = "nav.settlement.reconciliation", order = 305)
@RolesAllowed(Roles.OFFICER)
public class ReconciliationView extends VerticalLayout implements HasDynamicTitle {

    private final AppUser officer;
    private final DailyReconciliation reconciliation;
    private final DivisionNames divisions;
    private final DatePicker date = new DatePicker();
    private final Span summary = new Span();
    private final Span error = new Span();
    private final Grid<Reconciliation.Pair> pairs = new Grid<>();
    private final Grid<Reconciliation.Mismatch> mismatches = new Grid<>();
    private final Anchor export = new Anchor();

    public ReconciliationView(CurrentUser currentUser, DailyReconciliation reconciliation, DivisionNames divisions) {
        this.officer = currentUser.require();
        this.reconciliation = reconciliation;
        this.divisions = divisions;
        boolean en = Errors.english(this);
        H2 title = new H2(getTranslation("reconciliation.title"));
        title.setId("view-title");
        date.setLabel(getTranslation("reconciliation.date"));
        date.setId("reconciliation-date");
        date.setValue(ChinaTime.today().minusDays(1));
        date.setMax(ChinaTime.today());
        Button query = new Button(getTranslation("reconciliation.query"), e -> load());
        query.setId("reconciliation-query");
        query.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export.setText(getTranslation("reconciliation.export"));
        export.setId("reconciliation-export");
        HorizontalLayout filters = new HorizontalLayout(date, query, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        summary.setId("reconciliation-summary");
        error.setId("reconciliation-error");

        pairs.setId("reconciliation-pairs");
        pairs.addColumn(p -> province(p.medicalProvince())).setHeader(getTranslation("reconciliation.medicalProvince")).setAutoWidth(true);
        pairs.addColumn(p -> province(p.insuredProvince())).setHeader(getTranslation("reconciliation.insuredProvince")).setAutoWidth(true);
        side(pairs, "reconciliation.hospital", Reconciliation.Pair::hospital);
        side(pairs, "reconciliation.platform", Reconciliation.Pair::platform);
        pairs.addColumn(p -> p.matches() ? getTranslation("reconciliation.matches") : getTranslation("reconciliation.mismatches", p.mismatches()))
                .setHeader(getTranslation("reconciliation.result")).setAutoWidth(true);
        pairs.setEmptyStateText(getTranslation("reconciliation.empty"));
        pairs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        pairs.setAllRowsVisible(true);

        mismatches.setId("reconciliation-mismatches");
        mismatches.addColumn(Reconciliation.Mismatch::settlementNo).setHeader(getTranslation("settlement.no")).setAutoWidth(true);
        mismatches.addColumn(Reconciliation.Mismatch::institutionCode).setHeader(getTranslation("settlement.institution")).setAutoWidth(true);
        mismatches.addColumn(m -> province(m.medicalProvince()) + " → " + province(m.insuredProvince()))
                .setHeader(getTranslation("reconciliation.pair")).setAutoWidth(true);
        mismatches.addColumn(m -> en ? m.kind().labelEn() : m.kind().label()).setHeader(getTranslation("reconciliation.kind")).setAutoWidth(true);
        mismatches.addColumn(m -> line(m.hospital())).setHeader(getTranslation("reconciliation.hospital")).setAutoWidth(true);
        mismatches.addColumn(m -> line(m.platform())).setHeader(getTranslation("reconciliation.platform")).setAutoWidth(true);
        mismatches.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        mismatches.setAllRowsVisible(true);

        add(title, filters, error, summary, new H3(getTranslation("reconciliation.pairs")), pairs,
                new H3(getTranslation("reconciliation.mismatchList")), mismatches);
        load();
    }

    private void load() {
        Errors.clear(error);
        try {
            Reconciliation r = reconciliation.day(officer, date.getValue());
            pairs.setItems(r.pairs());
            mismatches.setItems(r.mismatches());
            summary.setText(r.matches() ? getTranslation("reconciliation.summary.matches", r.date(), r.platform().count())
                    : getTranslation("reconciliation.summary.mismatches", r.date(), r.mismatchCount())
                    + (r.truncated() ? getTranslation("reconciliation.truncated", r.mismatches().size()) : ""));
            byte[] csv = ReconciliationCsv.of(r, getLocale(), this::province);
            export.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(csv),
                    ReconciliationCsv.fileName(r), "text/csv; charset=UTF-8", csv.length)));
            export.setVisible(true);
        } catch (BusinessRuleException e) {
            pairs.setItems();
            mismatches.setItems();
            summary.setText("");
            export.setVisible(false);
            Errors.show(error, e);
        }
    }

    private String province(String code) {
        return code == null ? "" : divisions.name(code).orElse(code);
    }

    private void side(Grid<Reconciliation.Pair> grid, String key, Function<Reconciliation.Pair, Reconciliation.Side> side) {
        grid.addColumn(p -> side.apply(p).count()).setHeader(getTranslation(key) + getTranslation("reconciliation.count"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> side.apply(p).total().toString()).setHeader(getTranslation(key) + getTranslation("reconciliation.total"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> side.apply(p).fundsTotal().toString()).setHeader(getTranslation(key) + getTranslation("reconciliation.funds"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    private String line(Reconciliation.Line l) {
        if (l == null) {
            return "—";
        }
        return SettlementGrids.status(this, l.status(), false) + " " + l.total() + " / " + l.fundsTotal() + " / " + l.personalCash();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reconciliation.title");
    }
}
