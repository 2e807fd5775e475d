package cn.gov.ybj.crossprov.prepayment.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.prepayment.PrepaymentDocuments;
import cn.gov.ybj.crossprov.prepayment.StepRecord;
import cn.gov.ybj.crossprov.prepayment.YearFinanceStep;
import cn.gov.ybj.crossprov.prepayment.YearFinances;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.ui.Errors;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/**
 * 第十九条 on the screen: the finance officer's steps of the year's prepayment (提交财政, 划款, 确认到账) with a
 * 办结 dialog, and each province's state of the year — what it owes and is owed and each step's deadline, the
 * late ones first.
 */
class YearFinancePanel extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private final AppUser officer;
    private final YearFinances finances;
    private final boolean en;
    private final Runnable changed;
    private final Grid<YearFinances.YearFinanceTask> tasks = new Grid<>();
    private final Grid<YearFinances.ProvinceYear> provinces = new Grid<>();

    YearFinancePanel(AppUser officer, YearFinances finances, boolean en, Runnable changed) {
        this.officer = officer;
        this.changed = changed;
        this.finances = finances;
        this.en = en;
        setPadding(false);
        setId("prepayment-year-finance");
        tasks.setId("prepayment-finance-tasks");
        tasks.addColumn(t -> en ? t.step().labelEn() : t.step().label()).setHeader(getTranslation("prepayment.task")).setAutoWidth(true);
        tasks.addColumn(t -> t.year() + " " + t.name()).setHeader(getTranslation("prepayment.finance.province")).setAutoWidth(true);
        tasks.addColumn(t -> t.due() == null ? "—" : DAY.format(t.due())).setHeader(getTranslation("prepayment.due")).setAutoWidth(true);
        tasks.addColumn(t -> t.escalated() ? getTranslation("prepayment.escalated") : "").setHeader(getTranslation("prepayment.escalated"));
        tasks.addComponentColumn(this::action).setKey("actions").setHeader(getTranslation("prepayment.actions")).setAutoWidth(true);
        tasks.setEmptyStateText(getTranslation("prepayment.noTasks"));
        tasks.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        tasks.setAllRowsVisible(true);

        provinces.setId("prepayment-finance-provinces");
        provinces.addColumn(YearFinances.ProvinceYear::name).setHeader(getTranslation("prepayment.finance.province")).setAutoWidth(true);
        provinces.addColumn(p -> owed(p, true)).setHeader(getTranslation("prepayment.finance.owes")).setAutoWidth(true);
        provinces.addColumn(p -> owed(p, false)).setHeader(getTranslation("prepayment.finance.owed")).setAutoWidth(true);
        for (YearFinanceStep s : YearFinanceStep.values()) {
            provinces.addColumn(p -> step(p, s)).setHeader(en ? s.labelEn() : s.label()).setAutoWidth(true);
        }
        provinces.setPartNameGenerator(p -> late(p) ? "red" : null);
        provinces.setEmptyStateText(getTranslation("prepayment.none"));
        provinces.addThemeVariants(GridVariant.LUMO_COMPACT);
        provinces.setAllRowsVisible(true);
        add(new H3(getTranslation("prepayment.finance.title")), tasks, provinces);
    }

    void show(int year) {
        tasks.setItems(finances.open(officer));
        provinces.setItems(finances.year(officer, year).stream()
                .sorted(Comparator.comparing((YearFinances.ProvinceYear p) -> !late(p)).thenComparing(YearFinances.ProvinceYear::province)).toList());
    }

    private String owed(YearFinances.ProvinceYear p, boolean owes) {
        Money sum = p.flows().stream().filter(f -> (owes ? f.from() : f.to()).equals(p.province())).map(YearFinances.Flow::amount)
                .reduce(Money.ZERO, Money::plus);
        return sum.isZero() ? "—" : PrepaymentDocuments.wan(sum) + " " + getTranslation("prepayment.finance.wan");
    }

    private String step(YearFinances.ProvinceYear p, YearFinanceStep s) {
        return p.steps().stream().filter(r -> r.getStep().equals(s.name())).findFirst().map(r -> r.getDoneAt() != null
                ? getTranslation("prepayment.finance.done", DAY.format(r.getDoneAt()))
                : getTranslation(r.isOverdue(Instant.now()) ? "prepayment.finance.overdue" : "prepayment.finance.open", DAY.format(r.getDue())))
                .orElse("—");
    }

    private static boolean late(YearFinances.ProvinceYear p) {
        Instant now = Instant.now();
        return p.steps().stream().anyMatch(r -> r.isOverdue(now));
    }

    private HorizontalLayout action(YearFinances.YearFinanceTask t) {
        HorizontalLayout box = new HorizontalLayout();
        // the centre sees escalated steps: they stay the province's to do
        if (!officer.isNationalCentre()) {
            Button b = new Button(getTranslation("prepayment.complete"), e -> dialog(t));
            b.setId("finance-task-" + t.taskId());
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            box.add(b);
        }
        return box;
    }

    private void dialog(YearFinances.YearFinanceTask t) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("common.labelled", en ? t.step().labelEn() : t.step().label(), t.year() + " " + t.name()));
        TextField note = new TextField(getTranslation("prepayment.note"));
        note.setId("finance-note");
        note.setMaxLength(200);
        note.setWidthFull();
        Span error = new Span();
        error.setId("finance-error");
        Button send = new Button(getTranslation("prepayment.send"), e -> {
            try {
                if (finances.complete(officer, t.taskId(), note.getValue()).isEmpty()) {
                    throw new BusinessRuleException("任务不存在或无权办理", "No such task, or not yours");
                }
                dialog.close();
                changed.run();
            } catch (BusinessRuleException ex) {
                Errors.show(error, ex);
            }
        });
        send.setId("finance-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(new Span(getTranslation("prepayment.dueOn", t.due() == null ? "—" : DAY.format(t.due()))), note, error));
        dialog.getFooter().add(new Button(getTranslation("prepayment.cancel"), e -> dialog.close()), send);
        dialog.open();
    }
}
