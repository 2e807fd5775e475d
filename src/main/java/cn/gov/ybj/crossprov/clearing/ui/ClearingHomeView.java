package cn.gov.ybj.crossprov.clearing.ui;

import cn.gov.ybj.crossprov.clearing.ClearingExports;
import cn.gov.ybj.crossprov.clearing.ClearingFinance;
import cn.gov.ybj.crossprov.clearing.ClearingMatrix;
import cn.gov.ybj.crossprov.clearing.ClearingNotices;
import cn.gov.ybj.crossprov.clearing.ClearingSummary;
import cn.gov.ybj.crossprov.clearing.ClearingTable;
import cn.gov.ybj.crossprov.clearing.ClearingTasks;
import cn.gov.ybj.crossprov.clearing.DisputeResolution;
import cn.gov.ybj.crossprov.clearing.MonthlyClearing;
import cn.gov.ybj.crossprov.clearing.TableKind;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.AccountNames;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.ui.Downloads;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * 清算与预付金: the officers' home. 月度清算 of a month: its state and deadline, the officer's tasks
 * (a province confirms its tables or disputes pairs; the centre starts a month and resolves disputes),
 * 附件7 as a heat map (the centre: every province; a province: its row and column), a province's
 * tables 7-1 … 7-6 by province or by pooling area, each as Excel and PDF, and the notices once
 * published. Everything through {@link MonthlyClearing}, {@link ClearingTasks} and their access rules.
 */
@Route(value = "provincial", layout = MainLayout.class)
@Menu(title = "nav.clearing", order = 300)
@RolesAllowed(Roles.OFFICER)
public class ClearingHomeView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private final AppUser officer;
    private final MonthlyClearing clearing;
    private final ClearingTasks tasks;
    private final ClearingExports exports;
    private final ClearingNotices notices;
    private final boolean en;

    private final Select<YearMonth> month = new Select<>();
    private final Span status = new Span();
    private final Span error = new Span();
    private final Button start = new Button();
    private final Grid<ClearingTasks.ClearingTask> taskGrid = new Grid<>();
    private final VerticalLayout matrixBox = new VerticalLayout();
    private final Select<String> province = new Select<>();
    private final Select<TableKind> kind = new Select<>();
    private final Select<ClearingTable.TableRows> rows = new Select<>();
    private final VerticalLayout tableBox = new VerticalLayout();
    private final HorizontalLayout noticeBox = new HorizontalLayout();
    private final Grid<ClearingFinance.StepRow> financeSteps = new Grid<>();
    private final Grid<ClearingFinance.TransferState> transfers = new Grid<>();
    private final ClearingFinance finance;
    private final AccountNames names;
    /** the month shown; null when not generated */
    private ClearingSummary current;

    public ClearingHomeView(CurrentUser currentUser, MonthlyClearing clearing, ClearingTasks tasks, ClearingExports exports,
                            ClearingNotices notices, ClearingFinance finance, AccountNames names) {
        this.officer = currentUser.require();
        this.names = names;
        this.finance = finance;
        this.clearing = clearing;
        this.tasks = tasks;
        this.exports = exports;
        this.notices = notices;
        this.en = Errors.english(this);
        H2 title = new H2(getTranslation("clearing.title"));
        title.setId("view-title");

        YearMonth last = YearMonth.now(ChinaTime.ZONE).minusMonths(1);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            months.add(last.minusMonths(i));
        }
        month.setLabel(getTranslation("clearing.month"));
        month.setId("clearing-month");
        month.setItems(months);
        month.setValue(last);
        month.addValueChangeListener(e -> load());
        start.setText(getTranslation("clearing.start"));
        start.setId("clearing-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> act(() -> tasks.start(officer, month.getValue())));
        HorizontalLayout top = new HorizontalLayout(month, start);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        status.setId("clearing-status");
        error.setId("clearing-error");

        taskGrid.setId("clearing-tasks");
        taskGrid.addColumn(t -> t.month().toString()).setHeader(getTranslation("clearing.month")).setAutoWidth(true);
        taskGrid.addColumn(t -> t.label(en)).setHeader(getTranslation("clearing.task")).setAutoWidth(true);
        taskGrid.addColumn(ClearingTasks.ClearingTask::provinceName).setHeader(getTranslation("clearing.province")).setAutoWidth(true);
        taskGrid.addColumn(t -> t.due() == null ? "—" : DAY.format(t.due())).setHeader(getTranslation("clearing.due")).setAutoWidth(true);
        taskGrid.addColumn(t -> t.escalated() ? getTranslation("clearing.escalated") : "").setHeader(getTranslation("clearing.escalated"))
                .setAutoWidth(true);
        taskGrid.addComponentColumn(this::actions).setHeader(getTranslation("clearing.actions")).setKey("actions").setAutoWidth(true);
        taskGrid.setEmptyStateText(getTranslation("clearing.noTasks"));
        taskGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        taskGrid.setAllRowsVisible(true);

        province.setLabel(getTranslation("clearing.province"));
        province.setId("clearing-province");
        kind.setLabel(getTranslation("clearing.table"));
        kind.setId("clearing-table-kind");
        kind.setItems(TableKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("clearing.annex", k.annex()) + " " + (en ? k.labelEn() : k.label()));
        kind.setValue(TableKind.PAYABLE);
        rows.setLabel(getTranslation("clearing.rows"));
        rows.setId("clearing-table-rows");
        rows.setItems(ClearingTable.TableRows.values());
        rows.setItemLabelGenerator(r -> getTranslation("clearing.rows." + r.name()));
        rows.setValue(ClearingTable.TableRows.PROVINCES);
        province.addValueChangeListener(e -> loadTable());
        kind.addValueChangeListener(e -> loadTable());
        rows.addValueChangeListener(e -> loadTable());
        HorizontalLayout tableFilters = new HorizontalLayout(province, kind, rows);
        tableFilters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        matrixBox.setPadding(false);
        tableBox.setPadding(false);
        noticeBox.setId("clearing-notices");

        financeSteps.setId("clearing-finance-steps");
        financeSteps.addColumn(r -> r.provinceName()).setHeader(getTranslation("clearing.province")).setAutoWidth(true);
        financeSteps.addColumn(r -> en ? r.step().step().labelEn() : r.step().step().label())
                .setHeader(getTranslation("clearing.task")).setAutoWidth(true);
        financeSteps.addColumn(r -> DAY.format(r.step().due())).setHeader(getTranslation("clearing.due")).setAutoWidth(true);
        financeSteps.addColumn(r -> r.step().doneAt() == null ? getTranslation("clearing.finance.open")
                : DAY.format(r.step().doneAt()) + " " + names.name(r.step().doneBy())).setHeader(getTranslation("clearing.finance.done")).setAutoWidth(true);
        financeSteps.addColumn(r -> r.step().note() == null ? "" : r.step().note()).setHeader(getTranslation("clearing.finance.note"));
        financeSteps.addColumn(r -> r.step().late() ? getTranslation("clearing.finance.late") : "")
                .setHeader(getTranslation("clearing.finance.late")).setAutoWidth(true);
        financeSteps.setPartNameGenerator(r -> r.step().late() && r.step().doneAt() == null ? "overdue" : null);
        financeSteps.setEmptyStateText(getTranslation("clearing.finance.later"));
        financeSteps.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        financeSteps.setAllRowsVisible(true);
        transfers.setId("clearing-transfers");
        transfers.addColumn(ClearingFinance.TransferState::payerName).setHeader(getTranslation("clearing.finance.payer")).setAutoWidth(true);
        transfers.addColumn(ClearingFinance.TransferState::receiverName).setHeader(getTranslation("clearing.finance.receiver")).setAutoWidth(true);
        transfers.addColumn(t -> t.amount().grouped()).setHeader(getTranslation("clearing.finance.amount"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        transfers.addColumn(t -> en ? t.status().labelEn() : t.status().label()).setHeader(getTranslation("clearing.finance.status"))
                .setAutoWidth(true);
        transfers.addColumn(t -> t.due() == null ? "—" : DAY.format(t.due())).setHeader(getTranslation("clearing.due")).setAutoWidth(true);
        transfers.addColumn(t -> t.overdue() ? getTranslation("clearing.finance.overdue") : "")
                .setHeader(getTranslation("clearing.finance.late")).setAutoWidth(true);
        transfers.setPartNameGenerator(t -> t.overdue() ? "overdue" : null);
        transfers.setEmptyStateText(getTranslation("clearing.finance.later"));
        transfers.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        transfers.setPageSize(100);
        transfers.setHeight("24em");

        add(title, new H3(getTranslation("clearing.monthly")), top, error, status,
                new H3(getTranslation("clearing.tasks")), taskGrid,
                new H3(getTranslation("clearing.matrix.title")), matrixBox,
                new H3(getTranslation("clearing.tables")), tableFilters, tableBox,
                new H3(getTranslation("clearing.notices")), noticeBox,
                new H3(getTranslation("clearing.finance")), financeSteps, transfers,
                new H3(getTranslation("clearing.prepayment")), prepaymentLink());
        load();
    }

    /** 预付金 has its own screen (module prepayment): a link, not a dependency */
    private Anchor prepaymentLink() {
        Anchor a = new Anchor("provincial/prepayment", getTranslation("clearing.prepaymentLink"));
        a.setId("clearing-prepayment-link");
        return a;
    }

    private void load() {
        Errors.clear(error);
        YearMonth m = month.getValue();
        taskGrid.setItems(tasks.open(officer));
        current = clearing.month(officer, m).orElse(null);
        start.setVisible(current == null && officer.isNationalCentre() && officer.hasRole(Roles.CLEARING));
        matrixBox.removeAll();
        tableBox.removeAll();
        noticeBox.removeAll();
        loadFinance(m);
        if (current == null) {
            status.setText(getTranslation("clearing.notGenerated", m));
            province.setVisible(false);
            return;
        }
        status.setText(getTranslation("clearing.state", m, en ? current.status().labelEn() : current.status().label(),
                current.confirmDue() == null ? "—" : DAY.format(current.confirmDue()))
                + (current.fundsTotal() == null ? "" : getTranslation("clearing.total", current.settlements(),
                current.fundsTotal().grouped())));
        ClearingMatrix matrix = clearing.matrix(officer, m).orElseThrow();
        matrixBox.add(heatMap(matrix), downloads("matrix", () -> exports.xlsx(matrix), () -> exports.pdf(matrix),
                m + "-matrix"));
        Map<String, String> names = new java.util.LinkedHashMap<>();
        current.provinces().forEach(p -> names.put(p.province(), p.name()));
        province.setItemLabelGenerator(code -> names.getOrDefault(code, code));
        province.setItems(officer.isNationalCentre() ? List.copyOf(names.keySet()) : List.of(officer.unitCode()));
        province.setVisible(true);
        String wanted = officer.isNationalCentre() ? names.keySet().iterator().next() : officer.unitCode();
        if (wanted.equals(province.getValue())) {
            loadTable(); // the same province of another month: no value change to load it
        } else {
            province.setValue(wanted);
        }
    }

    /** The chosen province's table with its downloads, and its notices once published. */
    private void loadTable() {
        tableBox.removeAll();
        noticeBox.removeAll();
        YearMonth m = month.getValue();
        String p = province.getValue();
        if (current == null || p == null || kind.getValue() == null || rows.getValue() == null) {
            return;
        }
        try {
            clearing.table(officer, m, kind.getValue(), p, rows.getValue(), null).ifPresent(t ->
                    tableBox.add(table(t), downloads("table", () -> exports.xlsx(t), () -> exports.pdf(t),
                            m + "-" + p + "-" + t.kind().annex())));
        } catch (BusinessRuleException e) {
            Errors.show(error, e);
        } catch (AccessDeniedException e) {
            Errors.showText(error, e.getMessage());
        }
        if (current.noticesPublishedAt() == null) {
            noticeBox.add(new Span(getTranslation("clearing.noticesLater")));
            return;
        }
        for (ClearingNotices.Kind k : ClearingNotices.Kind.values()) {
            String kind = k.name().toLowerCase(Locale.ROOT);
            noticeBox.add(Downloads.anchor("clearing-notice-" + kind, en ? k.titleEn() : k.title(), m + "-" + p + "-" + kind + ".pdf",
                    Downloads.PDF, () -> notices.pdf(officer, m, p, k).orElseThrow()));
        }
    }

    /**
     * 第三十六、三十七条: the province's steps and what it pays and receives (the centre: every province's, and
     * every pair), overdue first.
     */
    private void loadFinance(YearMonth m) {
        List<ClearingFinance.ProvinceFinance> state = finance.state(officer, m);
        financeSteps.setItems(state.stream().flatMap(p -> p.steps().stream().map(s -> new ClearingFinance.StepRow(p.name(), s)))
                .sorted(java.util.Comparator.comparing((ClearingFinance.StepRow r) -> !(r.step().late() && r.step().doneAt() == null)))
                .toList());
        java.util.Map<String, ClearingFinance.TransferState> pairs = new java.util.LinkedHashMap<>();
        state.forEach(p -> java.util.stream.Stream.concat(p.incoming().stream(), p.outgoing().stream())
                .forEach(t -> pairs.putIfAbsent(t.payer() + t.receiver(), t)));
        transfers.setItems(pairs.values().stream().sorted(java.util.Comparator.comparing((ClearingFinance.TransferState t) -> !t.overdue()))
                .toList());
    }

    /** 附件7 as a heat map: a cell's shade follows its share of the largest cell it shows. */
    private Grid<ClearingMatrix.Province> heatMap(ClearingMatrix matrix) {
        Grid<ClearingMatrix.Province> grid = new Grid<>();
        grid.setId("clearing-matrix");
        BigDecimal max = matrix.cells().stream().map(c -> c.amount().yuan()).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        grid.addColumn(ClearingMatrix.Province::name).setHeader(getTranslation("clearing.receiving")).setFrozen(true).setAutoWidth(true);
        for (ClearingMatrix.Province paying : matrix.provinces()) {
            grid.addColumn(LitRenderer.<ClearingMatrix.Province>of(
                                    "<span style='display:block;padding:0 4px;background:rgba(0,102,204,${item.shade})'>${item.value}</span>")
                            .withProperty("value", r -> r.code().equals(paying.code()) ? "——"
                                    : matrix.cell(r.code(), paying.code()).map(c -> c.amount().grouped()).orElse(""))
                            .withProperty("shade", r -> matrix.cell(r.code(), paying.code())
                                    .map(c -> shade(c.amount(), max)).orElse("0")))
                    .setHeader(paying.name()).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        grid.addColumn(r -> matrix.receiving().stream().filter(t -> t.province().equals(r.code())).findFirst()
                .map(t -> t.amount().grouped()).orElse("")).setHeader(getTranslation("common.total")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        // a province sees its row and its column (a cross); the other cells stay empty
        grid.setItems(matrix.provinces());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        return grid;
    }

    private static String shade(Money amount, BigDecimal max) {
        if (max.signum() == 0) {
            return "0";
        }
        // 0.05 … 0.6: every amount shows, the largest stays readable
        return amount.yuan().multiply(new BigDecimal("0.55")).divide(max, 3, RoundingMode.HALF_UP).add(new BigDecimal("0.05"))
                .toPlainString();
    }

    private Grid<ClearingTable.Row> table(ClearingTable t) {
        Grid<ClearingTable.Row> grid = new Grid<>();
        grid.setId("clearing-table");
        grid.addColumn(ClearingTable.Row::name).setHeader(getTranslation("clearing.area")).setAutoWidth(true);
        for (int c = 0; c < t.columns().size(); c++) {
            int col = c;
            grid.addColumn(r -> r.amounts().get(col).grouped()).setHeader(en ? t.columns().get(c).labelEn() : t.columns().get(c).label())
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        grid.addColumn(r -> r.total().grouped()).setHeader(getTranslation("common.total")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        List<ClearingTable.Row> all = new ArrayList<>(t.rows());
        all.add(t.total());
        grid.setItems(all);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private HorizontalLayout downloads(String id, Supplier<byte[]> xlsx, Supplier<byte[]> pdf, String name) {
        return new HorizontalLayout(
                Downloads.anchor("clearing-" + id + "-xlsx", getTranslation("clearing.excel"), name + ".xlsx", Downloads.XLSX, xlsx),
                Downloads.anchor("clearing-" + id + "-pdf", getTranslation("clearing.pdf"), name + ".pdf", Downloads.PDF, pdf));
    }

    /** The actions of a task row: confirm or dispute (the province's own), resolve (the centre). */
    private HorizontalLayout actions(ClearingTasks.ClearingTask t) {
        HorizontalLayout box = new HorizontalLayout();
        if (t.kind() == ClearingTasks.Kind.CONFIRM_TABLES && t.province().equals(officer.unitCode())) {
            Button confirm = new Button(getTranslation("clearing.confirm"), e -> act(() -> tasks.confirm(officer, t.taskId())));
            confirm.setId("confirm-" + t.taskId());
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            Button dispute = new Button(getTranslation("clearing.dispute"), e -> disputeDialog(t));
            dispute.setId("dispute-" + t.taskId());
            dispute.addThemeVariants(ButtonVariant.LUMO_SMALL);
            box.add(confirm, dispute);
        } else if (t.kind() == ClearingTasks.Kind.FINANCE && t.province().equals(officer.unitCode()) && officer.hasRole(t.step().role())) {
            Button done = new Button(getTranslation("clearing.finance.complete"), e -> completeDialog(t));
            done.setId("complete-" + t.taskId());
            done.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            box.add(done);
        } else if (t.kind() == ClearingTasks.Kind.RESOLVE_DISPUTES) {
            Button resolve = new Button(getTranslation("clearing.resolve"), e -> resolveDialog(t));
            resolve.setId("resolve-" + t.taskId());
            resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            box.add(resolve);
        }
        return box;
    }

    private void disputeDialog(ClearingTasks.ClearingTask t) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("clearing.dispute"));
        ComboBox<String> pair = new ComboBox<>(getTranslation("clearing.pair"));
        pair.setId("dispute-pair");
        Map<String, String> names = new java.util.TreeMap<>();
        clearing.month(officer, t.month()).ifPresent(s -> s.provinces().forEach(p -> names.put(p.province(), p.name())));
        clearing.matrix(officer, t.month()).ifPresent(m -> m.provinces().forEach(p -> names.put(p.code(), p.name())));
        names.remove(officer.unitCode());
        pair.setItems(names.keySet());
        pair.setItemLabelGenerator(code -> names.getOrDefault(code, code));
        TextArea reason = new TextArea(getTranslation("clearing.reason"));
        reason.setId("dispute-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        Span dialogError = new Span();
        dialogError.setId("dispute-error");
        Button send = new Button(getTranslation("clearing.dispute.send"), e -> {
            try {
                found(tasks.dispute(officer, t.taskId(), List.of(new ClearingTasks.DisputeRequest(pair.getValue(), reason.getValue()))));
                dialog.close();
                load();
            } catch (BusinessRuleException ex) {
                Errors.show(dialogError, ex);
            }
        });
        send.setId("dispute-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(pair, reason, dialogError));
        dialog.getFooter().add(new Button(getTranslation("clearing.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    private void completeDialog(ClearingTasks.ClearingTask t) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(t.label(en));
        TextField note = new TextField(getTranslation("clearing.finance.note"));
        note.setId("complete-note");
        note.setMaxLength(200);
        note.setHelperText(getTranslation("clearing.finance.noteHelp"));
        note.setWidthFull();
        Span dialogError = new Span();
        dialogError.setId("complete-error");
        Button send = new Button(getTranslation("clearing.finance.complete"), e -> {
            try {
                found(tasks.complete(officer, t.taskId(), note.getValue()));
                dialog.close();
                load();
            } catch (BusinessRuleException ex) {
                Errors.show(dialogError, ex);
            }
        });
        send.setId("complete-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(new Paragraph(getTranslation("clearing.finance.dueOn", t.due() == null ? "—" : DAY.format(t.due()))),
                note, dialogError));
        dialog.getFooter().add(new Button(getTranslation("clearing.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    private void resolveDialog(ClearingTasks.ClearingTask t) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("common.labelled", getTranslation("clearing.resolve"), t.provinceName()));
        VerticalLayout lines = new VerticalLayout();
        List<Supplier<ClearingTasks.ResolutionRequest>> answers = new ArrayList<>();
        int i = 0;
        for (ClearingSummary.DisputeState d : t.disputes()) {
            Select<DisputeResolution> how = new Select<>();
            how.setId("resolution-" + i);
            how.setLabel(getTranslation("clearing.pair") + " " + d.pairProvince());
            how.setItems(DisputeResolution.values());
            how.setItemLabelGenerator(r -> en ? r.labelEn() : r.label());
            TextField note = new TextField(getTranslation("clearing.note"));
            note.setId("resolution-note-" + i);
            note.setMaxLength(500);
            lines.add(new Paragraph(getTranslation("clearing.disputeReason", d.reason())), new HorizontalLayout(how, note));
            answers.add(() -> new ClearingTasks.ResolutionRequest(d.pairProvince(), how.getValue(), note.getValue()));
            i++;
        }
        Span dialogError = new Span();
        dialogError.setId("resolution-error");
        Button send = new Button(getTranslation("clearing.resolve.send"), e -> {
            try {
                found(tasks.resolve(officer, t.taskId(), answers.stream().map(Supplier::get).toList()));
                dialog.close();
                load();
            } catch (BusinessRuleException ex) {
                Errors.show(dialogError, ex);
            }
        });
        send.setId("resolution-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(lines, dialogError);
        dialog.getFooter().add(new Button(getTranslation("clearing.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    private void act(Runnable action) {
        Errors.clear(error);
        try {
            action.run();
            load();
        } catch (BusinessRuleException e) {
            Errors.show(error, e);
        }
    }

    private static void found(Optional<?> answer) {
        if (answer.isEmpty()) {
            throw new BusinessRuleException("任务不存在或无权办理", "No such task, or not yours");
        }
    }


    @Override
    public String getPageTitle() {
        return getTranslation("clearing.title");
    }
}
