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
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Locale;

/** 我的备案: the person's and linked family members' filings, in the three tabs of the national app. */
@Route(value = "insured", layout = MainLayout.class)
@com.vaadin.flow.router.Menu(title = "nav.filings", order = 100)
@RolesAllowed(Roles.INSURED)
public class MyFilingsView extends VerticalLayout implements HasDynamicTitle {

    private final WizardServices services;
    private final List<Filing> all;

    public MyFilingsView(WizardServices services) {
        this.services = services;
        AppUser user = services.currentUser().require();
        all = services.filings().mine(user);
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
        add(new HorizontalLayout(title, newFiling));
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
        // asked per row, as the type column asks getLocale()
        grid.addColumn(f -> f.statusLabel(Errors.english(grid))).setHeader(getTranslation("filings.col.status")).setAutoWidth(true);
        // up to five actions: the column takes the remaining width and its buttons wrap (no sideways scrolling)
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("filings.col.actions"))
                .setWidth("16em").setFlexGrow(1);
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
        VerticalLayout layout = new VerticalLayout(filter, grid);
        layout.setPadding(false);
        return layout;
    }

    private String typeLabel(Filing f) {
        return "en".equals(getLocale().getLanguage()) ? getTranslation("filingType." + f.filingType().name()) : f.filingType().label();
    }

    private HorizontalLayout actions(Filing f) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        actions.setSpacing(false);
        FilingOptions options = services.filings().options(services.currentUser().require(), f);
        for (FilingActions.Action action : FilingActions.allowed(f, options)) {
            // 004: with a request pending, 取消备案 answers at the click, before any page
            Button b = action == FilingActions.Action.CANCEL && options.cancellationPending()
                    ? new Button(getTranslation(action.key()), e -> Errors.notice(Errors.message(this, FilingCancellations.pendingRefusal())))
                    : new Button(getTranslation(action.key()), e -> getUI().ifPresent(ui -> ui.navigate(action.route(f))));
            b.setId(action.idPrefix() + "-" + f.applicationSerial());
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(b);
        }
        return actions;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("filings.title");
    }
}
