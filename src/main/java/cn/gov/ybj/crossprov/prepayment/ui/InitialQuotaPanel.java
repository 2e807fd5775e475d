package cn.gov.ybj.crossprov.prepayment.ui;

import cn.gov.ybj.crossprov.identity.AccountNames;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.prepayment.InitialQuotas;
import cn.gov.ybj.crossprov.prepayment.PrepaymentDocuments;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.ui.Errors;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 第十七条 on the screen, while the prepayment fund is being set up: a paying province's prepayment officer
 * reports an amount per receiving province; the centre sees every report and confirms them (附件2/3).
 */
class InitialQuotaPanel extends VerticalLayout {

    record Row(String paying, String receiving, String amount, String reportedBy) {
    }

    private final AppUser officer;
    private final InitialQuotas initial;
    private final Divisions divisions;
    private final AccountNames names;
    private final Runnable changed;
    private final Grid<Row> grid = new Grid<>();
    private final Button report = new Button();
    private final Button confirm = new Button();
    private final Span error = new Span();
    private int year;

    InitialQuotaPanel(AppUser officer, InitialQuotas initial, Divisions divisions, AccountNames names, Runnable changed) {
        this.officer = officer;
        this.names = names;
        this.initial = initial;
        this.divisions = divisions;
        this.changed = changed;
        setPadding(false);
        setId("prepayment-initial");
        grid.setId("prepayment-initial-reports");
        grid.addColumn(Row::paying).setHeader(getTranslation("prepayment.paying")).setAutoWidth(true);
        grid.addColumn(Row::receiving).setHeader(getTranslation("prepayment.receiving")).setAutoWidth(true);
        grid.addColumn(Row::amount).setHeader(getTranslation("prepayment.initial.amount")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(Row::reportedBy).setHeader(getTranslation("prepayment.requestedBy")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("prepayment.initial.none"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        report.setText(getTranslation("prepayment.initial.report"));
        report.setId("prepayment-initial-report");
        report.addClickListener(e -> reportDialog());
        report.setVisible(!officer.isNationalCentre() && officer.hasRole(Roles.PREPAYMENT));
        confirm.setText(getTranslation("prepayment.initial.confirm"));
        confirm.setId("prepayment-initial-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setVisible(officer.isNationalCentre() && officer.hasRole(Roles.PREPAYMENT));
        confirm.addClickListener(e -> {
            try {
                initial.confirm(officer, year);
                changed.run();
            } catch (BusinessRuleException ex) {
                Errors.show(error, ex);
            }
        });
        error.setId("prepayment-initial-error");
        add(new H3(getTranslation("prepayment.initial.title")), new Span(getTranslation("prepayment.initial.hint")), report, confirm, error, grid);
    }

    /** shown only while the year's initial quotas can be reported */
    void show(int year) {
        this.year = year;
        Errors.clear(error);
        setVisible(initial.open(year));
        if (isVisible()) {
            grid.setItems(initial.reports(officer, year).stream().flatMap(r -> r.lines().stream().map(l -> new Row(r.payingName(),
                    l.receivingName(), PrepaymentDocuments.wan(l.amount()), names.name(r.reportedBy())))).toList());
        }
    }

    /** one amount field per other province, filled with the province's last report */
    private void reportDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("common.withCode", getTranslation("prepayment.initial.report"), String.valueOf(year)));
        Map<String, BigDecimal> last = new LinkedHashMap<>();
        initial.reports(officer, year).stream().filter(r -> r.payingProvince().equals(officer.unitCode()))
                .flatMap(r -> r.lines().stream()).forEach(l -> last.put(l.receivingProvince(), l.amount().yuan()));
        Map<String, BigDecimalField> fields = new LinkedHashMap<>();
        VerticalLayout body = new VerticalLayout();
        for (Divisions.Division d : divisions.provinces()) {
            if (d.code().equals(officer.unitCode())) {
                continue;
            }
            BigDecimalField f = new BigDecimalField(d.fullName());
            f.setId("initial-" + d.code());
            f.setSuffixComponent(new Span(getTranslation("prepayment.initial.yuan")));
            f.setValue(last.get(d.code()));
            fields.put(d.code(), f);
            body.add(f);
        }
        Span dialogError = new Span();
        dialogError.setId("initial-error");
        Button send = new Button(getTranslation("prepayment.send"), e -> {
            Map<String, BigDecimal> amounts = new LinkedHashMap<>();
            fields.forEach((code, f) -> {
                if (f.getValue() != null) {
                    amounts.put(code, f.getValue());
                }
            });
            try {
                initial.report(officer, year, amounts);
                dialog.close();
                changed.run();
            } catch (BusinessRuleException ex) {
                Errors.show(dialogError, ex);
            }
        });
        send.setId("initial-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(body, dialogError);
        dialog.getFooter().add(new Button(getTranslation("prepayment.cancel"), e -> dialog.close()), send);
        dialog.open();
    }
}
