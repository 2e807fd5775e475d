package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.insured.InsuranceRegistry;
import cn.gov.ybj.crossprov.ui.Errors;
import com.vaadin.flow.component.html.Paragraph;
import cn.gov.ybj.crossprov.filing.Channel;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingOptions;
import cn.gov.ybj.crossprov.filing.cancellation.FilingCancellations;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.ui.PhoneLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.dialog.Dialog;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** 我的备案: the person's and linked family members' filings, in the three tabs of the national app. */
@Route(value = "insured", layout = MainLayout.class)
@com.vaadin.flow.router.Menu(title = "nav.filings", order = 100)
@RolesAllowed(Roles.INSURED)
public class MyFilingsView extends VerticalLayout implements HasDynamicTitle {

    /** The reason on a row is cut here; its title attribute holds the whole text. */
    static final int REASON_LENGTH = 20;

    private final WizardServices services;
    private List<Filing> all;
    /** read for all rows at once: the actions and the secondary status of every row come from it */
    private Map<UUID, FilingOptions> options;
    /** each tab shows the rows again after a withdrawal */
    private final List<Runnable> refreshers = new java.util.ArrayList<>();

    public MyFilingsView(WizardServices services) {
        this.services = services;
        AppUser user = services.currentUser().require();
        all = services.filings().mine(user);
        options = services.filings().options(user, all);
        H2 title = new H2(getTranslation("filings.title"));
        title.setId("view-title");
        Button newFiling = new Button(getTranslation("filings.new"), e -> getUI().ifPresent(ui -> ui.navigate("insured/filing/new")));
        newFiling.setId("new-filing");
        newFiling.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        TabSheet tabs = new TabSheet();
        tabs.setId("filing-tabs");
        tabs.setWidthFull();
        for (Channel channel : Channel.values()) {
            tabs.add(getTranslation(FilingActions.tabKey(channel)), tab(channel)).setId("tab-" + slug(channel));
        }
        HorizontalLayout header = new HorizontalLayout(title, newFiling);
        header.addClassName("view-header");
        header.setAlignItems(Alignment.BASELINE);
        add(header);
        // first login links the account to its registry entry; without one nothing can be filed
        if (services.accounts().boundRecord(user).isEmpty()) {
            newFiling.setVisible(false);
            Paragraph missing = new Paragraph(Errors.english(this) ? InsuranceRegistry.NOT_FOUND_EN : InsuranceRegistry.NOT_FOUND_ZH);
            missing.setId("not-in-registry");
            add(missing);
        }
        add(tabs);
    }

    private static String slug(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private VerticalLayout tab(Channel channel) {
        Grid<Filing> grid = new Grid<>();
        grid.setId("filings-" + slug(channel));
        grid.addColumn(Filing::applicationSerial).setHeader(getTranslation("filings.col.serial")).setAutoWidth(true);
        grid.addColumn(f -> PersonNames.mask(f.personName())).setHeader(getTranslation("filings.col.person")).setAutoWidth(true);
        grid.addColumn(f -> services.divisions().name(f.treatmentAreaCode()).orElse(f.treatmentAreaCode()))
                .setHeader(getTranslation("filings.col.destination")).setAutoWidth(true);
        grid.addColumn(f -> typeLabel(f)).setHeader(getTranslation("filings.col.type")).setAutoWidth(true);
        grid.addColumn(f -> f.startDate() + " ~ " + f.endDate()).setHeader(getTranslation("filings.col.period")).setAutoWidth(true);
        // the status, the requests under review beside it and the reason of a returned or failed filing
        grid.addComponentColumn(f -> PhoneLayout.narrow(grid) ? new Span() : status(f)).setKey("status").setHeader(getTranslation("filings.col.status"))
                .setWidth("11em").setFlexGrow(0);
        // up to five actions: the column takes the remaining width and its buttons wrap (no sideways scrolling)
        grid.addComponentColumn(f -> PhoneLayout.narrow(grid) ? new Span() : actions(f)).setKey("actions").setHeader(getTranslation("filings.col.actions"))
                .setWidth("16em").setFlexGrow(1);
        // on a phone: one card per filing with its number, status, period, destination and actions
        PhoneLayout.cards(grid, getTranslation("filings.col.filing"), f -> PhoneLayout.card(f.applicationSerial(),
                status(f), f.startDate() + " ~ " + f.endDate(),
                services.divisions().name(f.treatmentAreaCode()).orElse(f.treatmentAreaCode()) + " · " + typeLabel(f)
                        + " · " + PersonNames.mask(f.personName()),
                actions(f)));
        grid.setEmptyStateText(getTranslation("filings.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);

        RadioButtonGroup<FilingActions.StatusFilter> filter = new RadioButtonGroup<>();
        filter.setId("status-filter-" + slug(channel));
        filter.setItems(FilingActions.filters(channel));
        filter.setItemLabelGenerator(f -> getTranslation(f.key()));
        filter.addValueChangeListener(e -> grid.setItems(FilingActions.select(all, channel, e.getValue())));
        if (FilingActions.filters(channel).isEmpty()) {
            filter.setVisible(false);
            grid.setItems(FilingActions.select(all, channel, null));
        } else {
            filter.setValue(FilingActions.StatusFilter.ALL);
        }
        refreshers.add(() -> grid.setItems(FilingActions.select(all, channel, filter.getValue())));
        VerticalLayout layout = new VerticalLayout(filter, grid);
        layout.setPadding(false);
        return layout;
    }

    private String typeLabel(Filing f) {
        return "en".equals(getLocale().getLanguage()) ? getTranslation("filingType." + f.filingType().name()) : f.filingType().label();
    }

    private Div status(Filing f) {
        boolean english = Errors.english(this);
        Span main = new Span(f.statusLabel(english));
        main.setId("status-" + f.applicationSerial());
        main.getElement().getThemeList().add("badge");
        Div cell = new Div(main);
        cell.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)");
        // 取消审核中 …: the request waits for review while the status itself has not changed yet
        for (FilingOptions.Pending pending : options(f).pending()) {
            Span badge = new Span(pending.label(english));
            badge.setId("pending-" + pending.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + f.applicationSerial());
            badge.getElement().getThemeList().add("badge contrast");
            cell.add(badge);
        }
        String reason = f.statusReason(english);
        if ((f.status() == FilingStatus.RETURNED || f.status() == FilingStatus.FAILED) && reason != null && !reason.isBlank()) {
            String shown = reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) + "…" : reason;
            Span why = new Span(getTranslation(f.status() == FilingStatus.RETURNED ? "filings.reason.returned" : "filings.reason.failed", shown));
            why.setId("reason-" + f.applicationSerial());
            why.setTitle(reason);
            why.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-error-text-color)");
            cell.add(why);
        }
        return cell;
    }

    private FilingOptions options(Filing f) {
        return options.getOrDefault(f.id(), FilingOptions.NONE);
    }

    private HorizontalLayout actions(Filing f) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        actions.setSpacing(false);
        FilingOptions options = options(f);
        for (FilingActions.Action action : FilingActions.allowed(f, options)) {
            Button b;
            if (action == FilingActions.Action.CANCEL && options.cancellationPending()) {
                // 004: with a request pending, 取消备案 answers at the click, before any page
                b = new Button(getTranslation(action.key()), e -> Errors.notice(Errors.message(this, FilingCancellations.pendingRefusal())));
            } else if (action == FilingActions.Action.WITHDRAW) {
                b = new Button(getTranslation(action.key()), e -> confirmWithdrawal(f));
            } else {
                b = new Button(getTranslation(action.key()), e -> getUI().ifPresent(ui -> ui.navigate(action.route(f))));
            }
            b.setId(action.idPrefix() + "-" + f.applicationSerial());
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(b);
        }
        return actions;
    }

    /** 撤回申请 asks first, as 取消备案 does on its confirmation page: a withdrawn application cannot come back. */
    private void confirmWithdrawal(Filing f) {
        Dialog dialog = new Dialog();
        dialog.setId("withdraw-dialog");
        dialog.setHeaderTitle(getTranslation("filings.withdraw.title"));
        Paragraph text = new Paragraph(getTranslation("filings.withdraw.text", f.applicationSerial()));
        text.setId("withdraw-text");
        Paragraph error = new Paragraph();
        error.setId("withdraw-error");
        error.setVisible(false);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button confirm = new Button(getTranslation("filings.withdraw.confirm"), e -> {
            try {
                services.filings().withdraw(services.currentUser().require(), f.id());
            } catch (BusinessRuleException ex) {
                // e.g. a clerk decided meanwhile: said in the dialog, the list shows the new state after reload
                Errors.show(error, ex);
                return;
            }
            dialog.close();
            Errors.success(getTranslation("filings.withdraw.done", f.applicationSerial()));
            AppUser user = services.currentUser().require();
            all = services.filings().mine(user);
            options = services.filings().options(user, all);
            refreshers.forEach(Runnable::run);
        });
        confirm.setId("withdraw-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button dismiss = new Button(getTranslation("filings.withdraw.dismiss"), e -> dialog.close());
        dismiss.setId("withdraw-dismiss");
        dialog.add(text, error);
        dialog.getFooter().add(dismiss, confirm);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("filings.title");
    }
}
