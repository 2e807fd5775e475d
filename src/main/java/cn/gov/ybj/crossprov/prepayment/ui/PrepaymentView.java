package cn.gov.ybj.crossprov.prepayment.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.AccountNames;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.prepayment.InitialQuotas;
import cn.gov.ybj.crossprov.prepayment.PrepaymentDocuments;
import cn.gov.ybj.crossprov.prepayment.PrepaymentYear;
import cn.gov.ybj.crossprov.prepayment.Prepayments;
import cn.gov.ybj.crossprov.prepayment.Suspension;
import cn.gov.ybj.crossprov.prepayment.Suspensions;
import cn.gov.ybj.crossprov.prepayment.TopUpNotice;
import cn.gov.ybj.crossprov.prepayment.TopUpStep;
import cn.gov.ybj.crossprov.prepayment.TopUps;
import cn.gov.ybj.crossprov.prepayment.UsageRule;
import cn.gov.ybj.crossprov.prepayment.YearFinances;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.prepayment.Warning;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.ui.Downloads;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * 预付金: the officers' dashboard (003 第十六–二十四条). A year's pairs with their prepayment and last
 * usage as a bar against the 70 % and 90 % bands (the centre: every pair; a province: those it pays or
 * receives in), the officer's top-up tasks with their dialogs, the top-ups with 附件5, and the
 * suspensions — requested by a receiving province, decided and resumed by the centre.
 */
@Route(value = "provincial/prepayment", layout = MainLayout.class)
@Menu(title = "nav.prepayment", order = 302)
@RolesAllowed(Roles.OFFICER)
public class PrepaymentView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private final AppUser officer;
    private final Prepayments prepayments;
    private final TopUps topUps;
    private final TopUpNotice notice;
    private final Suspensions suspensions;
    private final boolean en;
    private final Select<Integer> year = new Select<>();
    private final Button run = new Button();
    private final Span status = new Span();
    private final Span error = new Span();
    private final Grid<TopUps.TopUpTask> taskGrid = new Grid<>();
    private final Grid<Prepayments.PairState> pairGrid = new Grid<>();
    private final Grid<TopUps.TopUpState> topUpGrid = new Grid<>();
    private final Grid<Suspensions.SuspensionState> suspensionGrid = new Grid<>();
    private final Grid<Suspensions.Overdue> overdueGrid = new Grid<>();
    private final Button request = new Button();
    private final HorizontalLayout downloads = new HorizontalLayout();
    private final PrepaymentDocuments files;
    private final UsageRule rule;
    private final InitialQuotaPanel initialPanel;
    private final AccountNames names;
    private final YearFinancePanel financePanel;

    public PrepaymentView(CurrentUser currentUser, Prepayments prepayments, TopUps topUps, TopUpNotice notice, Suspensions suspensions,
                          PrepaymentDocuments files, InitialQuotas initial, YearFinances finances, Divisions divisions, UsageRule rule,
                          AccountNames names) {
        this.officer = currentUser.require();
        this.names = names;
        this.rule = rule;
        this.files = files;
        this.prepayments = prepayments;
        this.topUps = topUps;
        this.notice = notice;
        this.suspensions = suspensions;
        this.en = Errors.english(this);
        this.initialPanel = new InitialQuotaPanel(officer, initial, divisions, names, this::load);
        this.financePanel = new YearFinancePanel(officer, finances, en, this::load);
        H2 title = new H2(getTranslation("prepayment.title"));
        title.setId("view-title");
        int now = Year.now(ChinaTime.ZONE).getValue();
        year.setLabel(getTranslation("prepayment.year"));
        year.setId("prepayment-year");
        year.setItems(IntStream.rangeClosed(now - 3, now + 1).boxed().sorted(java.util.Comparator.reverseOrder()).toList());
        year.setValue(now);
        year.addValueChangeListener(e -> load());
        run.setText(getTranslation("prepayment.run"));
        run.setId("prepayment-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> act(() -> prepayments.runYear(officer, year.getValue())));
        HorizontalLayout top = new HorizontalLayout(year, run);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        status.setId("prepayment-status");
        error.setId("prepayment-error");

        taskGrid.setId("prepayment-tasks");
        taskGrid.addColumn(t -> en ? t.step().labelEn() : t.step().label()).setHeader(getTranslation("prepayment.task")).setAutoWidth(true);
        taskGrid.addColumn(t -> t.payingName() + " → " + t.receivingName()).setHeader(getTranslation("prepayment.pair")).setAutoWidth(true);
        taskGrid.addColumn(t -> t.due() == null ? "—" : DAY.format(t.due())).setHeader(getTranslation("prepayment.due")).setAutoWidth(true);
        taskGrid.addColumn(t -> t.escalated() ? getTranslation("prepayment.escalated") : "").setHeader(getTranslation("prepayment.escalated"));
        taskGrid.addComponentColumn(this::taskAction).setKey("actions").setHeader(getTranslation("prepayment.actions")).setAutoWidth(true);
        taskGrid.setEmptyStateText(getTranslation("prepayment.noTasks"));
        taskGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        taskGrid.setAllRowsVisible(true);

        pairGrid.setId("prepayment-pairs");
        pairGrid.addColumn(Prepayments.PairState::payingName).setHeader(getTranslation("prepayment.paying")).setAutoWidth(true);
        pairGrid.addColumn(Prepayments.PairState::receivingName).setHeader(getTranslation("prepayment.receiving")).setAutoWidth(true);
        pairGrid.addColumn(p -> wan(p.prepayment())).setHeader(getTranslation("prepayment.prepayment")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        pairGrid.addColumn(p -> p.usageMonth() == null ? "—" : p.usageMonth().toString()).setHeader(getTranslation("prepayment.month")).setAutoWidth(true);
        pairGrid.addColumn(p -> p.usageAmount() == null ? "—" : wan(p.usageAmount())).setHeader(getTranslation("prepayment.amount"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        // the usage as a bar with the 70 % and 90 % marks (the bar's scale ends at 120 %)
        pairGrid.addColumn(LitRenderer.<Prepayments.PairState>of("""
                        <div style="position:relative;width:12em;height:1.1em;background:var(--lumo-contrast-10pct)">
                          <div style="width:${item.width}%;height:100%;background:${item.color}"></div>
                          <div style="position:absolute;left:58.3%;top:0;height:100%;border-left:1px dashed #c90"></div>
                          <div style="position:absolute;left:75%;top:0;height:100%;border-left:1px dashed #c00"></div>
                        </div><span>${item.percent}</span>""")
                        .withProperty("width", p -> p.usage() == null ? "0" : p.usage().multiply(BigDecimal.valueOf(100))
                                .divide(BigDecimal.valueOf(120), 1, RoundingMode.HALF_UP).min(BigDecimal.valueOf(100)).toPlainString())
                        .withProperty("color", p -> switch (p.warning()) {
                            case RED -> "#d32f2f";
                            case YELLOW -> "#f9a825";
                            case NONE -> "#2e7d32";
                        })
                        .withProperty("percent", p -> p.usage() == null ? "—" : p.usage().multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP) + " %"))
                .setHeader(getTranslation("prepayment.usage")).setAutoWidth(true);
        pairGrid.addColumn(p -> en ? p.warning().labelEn() : p.warning().label()).setHeader(getTranslation("prepayment.warning")).setAutoWidth(true);
        pairGrid.setPartNameGenerator(p -> p.warning() == Warning.NONE ? null : p.warning().name().toLowerCase(java.util.Locale.ROOT));
        pairGrid.setEmptyStateText(getTranslation("prepayment.notRun"));
        pairGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        pairGrid.setHeight("24em");
        pairGrid.addItemClickListener(e -> chart(e.getItem()));

        topUpGrid.setId("prepayment-top-ups");
        topUpGrid.addColumn(t -> t.payingName() + " → " + t.receivingName()).setHeader(getTranslation("prepayment.pair")).setAutoWidth(true);
        topUpGrid.addColumn(t -> en ? t.status().labelEn() : t.status().label()).setHeader(getTranslation("prepayment.status")).setAutoWidth(true);
        topUpGrid.addColumn(t -> t.requested() == null ? "—" : wan(t.requested())).setHeader(getTranslation("prepayment.requested"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        topUpGrid.addColumn(t -> t.approved() == null ? "—" : wan(t.approved())).setHeader(getTranslation("prepayment.approved"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        topUpGrid.addComponentColumn(this::noticeLink).setHeader(getTranslation("prepayment.notice")).setAutoWidth(true);
        topUpGrid.setEmptyStateText(getTranslation("prepayment.none"));
        topUpGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        topUpGrid.setAllRowsVisible(true);

        suspensionGrid.setId("prepayment-suspensions");
        suspensionGrid.addColumn(s -> s.payingName() + " ← " + s.receivingName()).setHeader(getTranslation("prepayment.suspension.pair")).setAutoWidth(true);
        suspensionGrid.addColumn(s -> en ? s.cause().labelEn() : s.cause().label()).setHeader(getTranslation("prepayment.cause")).setAutoWidth(true);
        suspensionGrid.addColumn(s -> en ? s.status().labelEn() : s.status().label()).setHeader(getTranslation("prepayment.status")).setAutoWidth(true);
        suspensionGrid.addColumn(s -> DAY.format(s.requestedAt()) + " " + names.name(s.requestedBy())).setHeader(getTranslation("prepayment.requestedBy")).setAutoWidth(true);
        suspensionGrid.addColumn(s -> s.decidedAt() == null ? "—" : DAY.format(s.decidedAt()) + " " + names.name(s.decidedBy()))
                .setHeader(getTranslation("prepayment.decidedBy")).setAutoWidth(true);
        suspensionGrid.addColumn(Suspensions.SuspensionState::reason).setHeader(getTranslation("prepayment.reason"));
        suspensionGrid.addComponentColumn(this::suspensionActions).setKey("actions").setHeader(getTranslation("prepayment.actions")).setAutoWidth(true);
        suspensionGrid.setEmptyStateText(getTranslation("prepayment.none"));
        suspensionGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        suspensionGrid.setAllRowsVisible(true);
        overdueGrid.setId("prepayment-overdue");
        overdueGrid.addColumn(o -> en ? o.cause().labelEn() : o.cause().label()).setHeader(getTranslation("prepayment.cause")).setAutoWidth(true);
        overdueGrid.addColumn(Suspensions.Overdue::period).setHeader(getTranslation("prepayment.overdue.period")).setAutoWidth(true);
        overdueGrid.addColumn(o -> o.payingName() + " → " + o.receivingName()).setHeader(getTranslation("prepayment.pair")).setAutoWidth(true);
        overdueGrid.addColumn(o -> wan(o.amount())).setHeader(getTranslation("prepayment.overdue.amount")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        overdueGrid.addColumn(o -> DAY.format(o.due())).setHeader(getTranslation("prepayment.due")).setAutoWidth(true);
        overdueGrid.setEmptyStateText(getTranslation("prepayment.none"));
        overdueGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        overdueGrid.setAllRowsVisible(true);
        request.setText(getTranslation("prepayment.suspension.request"));
        request.setId("prepayment-request-suspension");
        request.addClickListener(e -> requestDialog());
        request.setVisible(!officer.isNationalCentre() && officer.hasRole(Roles.PREPAYMENT));

        add(title, top, error, status, initialPanel, new H3(getTranslation("prepayment.tasks")), taskGrid,
                new H3(getTranslation("prepayment.pairs")), new Span(getTranslation("prepayment.chartHint")), pairGrid, downloads,
                financePanel,
                new H3(getTranslation("prepayment.topUps")), topUpGrid,
                new H3(getTranslation("prepayment.overdue")), overdueGrid,
                new H3(getTranslation("prepayment.suspensions")), request, suspensionGrid);
        load();
    }

    private void load() {
        Errors.clear(error);
        int y = year.getValue();
        taskGrid.setItems(topUps.open(officer));
        Optional<Prepayments.YearState> state = prepayments.year(officer, y);
        initialPanel.show(y);
        financePanel.show(y);
        run.setVisible(state.isEmpty() && !initialPanel.isVisible() && officer.isNationalCentre() && officer.hasRole(Roles.PREPAYMENT));
        status.setText(state.map(s -> s.kind() == PrepaymentYear.Kind.INITIAL
                        ? getTranslation("prepayment.initial.state", String.valueOf(y), DAY.format(s.runAt()), names.name(s.runBy()), s.pairs().size())
                        : getTranslation("prepayment.state", String.valueOf(y), DAY.format(s.runAt()), names.name(s.runBy()), s.pairs().size(),
                        String.valueOf(s.basisYear())))
                .orElse(getTranslation("prepayment.notRunYet", String.valueOf(y))));
        pairGrid.setItems(state.map(Prepayments.YearState::pairs).orElse(List.of()).stream()
                .sorted(java.util.Comparator.comparing((Prepayments.PairState p) -> p.warning()).reversed()).toList());
        downloads.removeAll();
        state.ifPresent(st -> {
            downloads.add(Downloads.anchor("prepayment-xlsx", getTranslation("prepayment.excel"), y + "-prepayment.xlsx",
                    Downloads.XLSX, () -> files.xlsx(officer, y).orElseThrow()));
            downloads.add(Downloads.anchor("prepayment-pdf", getTranslation("prepayment.pdf"), y + "-prepayment.pdf", Downloads.PDF,
                    () -> files.pdf(officer, y).orElseThrow()));
            if (officer.isNationalCentre()) {
                downloads.add(Downloads.anchor("prepayment-annex4-xlsx", getTranslation("prepayment.annex4.excel"), y + "-annex4.xlsx",
                        Downloads.XLSX, () -> files.matrixXlsx(officer, y).orElseThrow()));
                downloads.add(Downloads.anchor("prepayment-annex4-pdf", getTranslation("prepayment.annex4.pdf"), y + "-annex4.pdf", Downloads.PDF,
                        () -> files.matrixPdf(officer, y).orElseThrow()));
            }
            String own = officer.unitCode();
            boolean initial = st.kind() == PrepaymentYear.Kind.INITIAL;
            if (!officer.isNationalCentre() && st.pairs().stream().anyMatch(p -> p.payingProvince().equals(own))) {
                downloads.add(Downloads.anchor("prepayment-notice-payment", getTranslation(initial ? "prepayment.notice.payment.initial"
                        : "prepayment.notice.payment"), y + "-payment.pdf",
                        Downloads.PDF, () -> files.notice(officer, y, own, PrepaymentDocuments.Notice.PAYMENT).orElseThrow()));
            }
            if (!officer.isNationalCentre() && st.pairs().stream().anyMatch(p -> p.receivingProvince().equals(own))) {
                downloads.add(Downloads.anchor("prepayment-notice-receipt", getTranslation(initial ? "prepayment.notice.receipt.initial"
                        : "prepayment.notice.receipt"), y + "-receipt.pdf",
                        Downloads.PDF, () -> files.notice(officer, y, own, PrepaymentDocuments.Notice.RECEIPT).orElseThrow()));
            }
        });
        topUpGrid.setItems(topUps.list(officer, y));
        suspensionGrid.setItems(suspensions.list(officer));
        overdueGrid.setItems(suspensions.overdue(officer));
    }

    /** a pair's months as a chart against the bands */
    private void chart(Prepayments.PairState p) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("common.labelled", String.valueOf(p.year()), p.payingName() + " → " + p.receivingName()));
        dialog.add(p.months().isEmpty() ? new Span(getTranslation("prepayment.noMonths")) : new UsageChart(p.months(), rule));
        dialog.getFooter().add(new Button(getTranslation("prepayment.close"), e -> dialog.close()));
        dialog.setWidth("40em");
        dialog.open();
    }

    private static String wan(Money m) {
        return PrepaymentDocuments.wan(m);
    }

    private HorizontalLayout taskAction(TopUps.TopUpTask t) {
        Button b = new Button(getTranslation(t.step() == TopUpStep.APPLY ? "prepayment.apply"
                : t.step() == TopUpStep.REVIEW ? "prepayment.review" : "prepayment.complete"), e -> taskDialog(t));
        b.setId("task-" + t.taskId());
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        // the centre sees escalated steps of the provinces; only its own review is its to do
        boolean mine = officer.hasRole(t.step().role()) && (t.step() == TopUpStep.REVIEW) == officer.isNationalCentre();
        return mine ? new HorizontalLayout(b) : new HorizontalLayout();
    }

    /** the dialog of a task: the application (amount, reason), the review (approve, amount, note), or a step done (note) */
    private void taskDialog(TopUps.TopUpTask t) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("common.labelled", en ? t.step().labelEn() : t.step().label(), t.payingName() + " → " + t.receivingName()));
        BigDecimalField amount = new BigDecimalField(getTranslation("prepayment.amountYuan"));
        amount.setId("task-amount");
        Checkbox approve = new Checkbox(getTranslation("prepayment.approve"), true);
        approve.setId("task-approve");
        TextArea text = new TextArea(getTranslation(t.step() == TopUpStep.APPLY ? "prepayment.reason" : "prepayment.note"));
        text.setId("task-text");
        text.setMaxLength(t.step() == TopUpStep.APPLY || t.step() == TopUpStep.REVIEW ? 500 : 200);
        text.setWidthFull();
        VerticalLayout body = new VerticalLayout();
        if (t.step() == TopUpStep.APPLY) {
            body.add(amount, text);
        } else if (t.step() == TopUpStep.REVIEW) {
            amount.setValue(t.requested() == null ? null : t.requested().yuan());
            body.add(new Span(getTranslation("prepayment.applied", t.requested() == null ? "—" : t.requested().grouped(), t.reason())),
                    approve, amount, text);
        } else {
            body.add(text);
        }
        Span dialogError = new Span();
        dialogError.setId("task-error");
        Button send = new Button(getTranslation("prepayment.send"), e -> {
            try {
                Optional<?> done = switch (t.step()) {
                    case APPLY -> topUps.apply(officer, t.taskId(), amount.getValue(), text.getValue());
                    case REVIEW -> topUps.review(officer, t.taskId(), approve.getValue(), amount.getValue(), text.getValue());
                    default -> topUps.complete(officer, t.taskId(), text.getValue());
                };
                if (done.isEmpty()) {
                    throw new BusinessRuleException("任务不存在或无权办理", "No such task, or not yours");
                }
                dialog.close();
                load();
            } catch (BusinessRuleException ex) {
                Errors.show(dialogError, ex);
            }
        });
        send.setId("task-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        body.add(new Span(getTranslation("prepayment.dueOn", t.due() == null ? "—" : DAY.format(t.due()))), dialogError);
        dialog.add(body);
        dialog.getFooter().add(new Button(getTranslation("prepayment.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    private Anchor noticeLink(TopUps.TopUpState t) {
        if (t.approved() == null) {
            return new Anchor();
        }
        return Downloads.anchor("notice-" + t.id(), getTranslation("prepayment.noticeLink"), "top-up-notice.pdf", Downloads.PDF,
                () -> notice.pdf(officer, t.id()).orElseThrow());
    }

    private HorizontalLayout suspensionActions(Suspensions.SuspensionState s) {
        HorizontalLayout box = new HorizontalLayout();
        if (!officer.isNationalCentre() || !officer.hasRole(Roles.PREPAYMENT)) {
            return box;
        }
        if (s.status() == Suspension.Status.REQUESTED) {
            Button suspend = new Button(getTranslation("prepayment.suspend"), e -> act(() -> suspensions.decide(officer, s.id(), true, null)));
            suspend.setId("suspend-" + s.id());
            suspend.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            Button refuse = new Button(getTranslation("prepayment.refuse"), e -> act(() -> suspensions.decide(officer, s.id(), false, null)));
            refuse.setId("refuse-" + s.id());
            refuse.addThemeVariants(ButtonVariant.LUMO_SMALL);
            box.add(suspend, refuse);
        } else if (s.status() == Suspension.Status.SUSPENDED) {
            Button resume = new Button(getTranslation("prepayment.resume"), e -> act(() -> suspensions.resume(officer, s.id())));
            resume.setId("resume-" + s.id());
            resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            box.add(resume);
        }
        return box;
    }

    private void requestDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("prepayment.suspension.request"));
        Select<String> payer = new Select<>();
        payer.setLabel(getTranslation("prepayment.paying"));
        payer.setId("suspension-payer");
        List<Prepayments.PairState> pairs = prepayments.year(officer, year.getValue()).map(Prepayments.YearState::pairs).orElse(List.of());
        java.util.Map<String, String> payers = new java.util.TreeMap<>();
        pairs.stream().filter(p -> p.receivingProvince().equals(officer.unitCode())).forEach(p -> payers.put(p.payingProvince(), p.payingName()));
        payer.setItems(payers.keySet());
        payer.setItemLabelGenerator(code -> payers.getOrDefault(code, code));
        Select<Suspension.Cause> cause = new Select<>();
        cause.setLabel(getTranslation("prepayment.cause"));
        cause.setId("suspension-cause");
        cause.setItems(Suspension.Cause.values());
        cause.setItemLabelGenerator(c -> en ? c.labelEn() : c.label());
        TextField reason = new TextField(getTranslation("prepayment.reason"));
        reason.setId("suspension-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        Span dialogError = new Span();
        dialogError.setId("suspension-error");
        Button send = new Button(getTranslation("prepayment.send"), e -> {
            try {
                suspensions.request(officer, payer.getValue(), cause.getValue(), reason.getValue());
                dialog.close();
                load();
            } catch (BusinessRuleException ex) {
                Errors.show(dialogError, ex);
            }
        });
        send.setId("suspension-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(payer, cause, reason, dialogError));
        dialog.getFooter().add(new Button(getTranslation("prepayment.cancel"), e -> dialog.close()), send);
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

    @Override
    public String getPageTitle() {
        return getTranslation("prepayment.title");
    }
}
