package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingQuery;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.reference.Divisions.Division;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * 备案查询 (issue 17): a clerk finds the filings of their insured pooling area by ID number, name, filing number,
 * status, type, destination and submission dates, and opens one (查看详情, where the counter cancels, changes and
 * prints 附件1). The list loads page by page as it scrolls; no total is counted.
 */
@Route(value = "clerk/filings", layout = MainLayout.class)
@Menu(title = "nav.filingSearch", order = 205)
@RolesAllowed(Roles.CLERK)
public class FilingSearchView extends VerticalLayout implements HasDynamicTitle {

    private static final int PAGE = 50;

    private final WizardServices services;
    private final AppUser clerk;
    final TextField idNumber = new TextField();
    final TextField name = new TextField();
    final TextField filingNumber = new TextField();
    final Select<FilingStatus> status = new Select<>();
    final Select<FilingType> type = new Select<>();
    final ComboBox<Division> destination = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Button search = new Button();
    final Span error = new Span();
    final Grid<Filing> grid = new Grid<>();
    private FilingQuery criteria = FilingQuery.all();

    public FilingSearchView(WizardServices services) {
        this.services = services;
        this.clerk = services.currentUser().require();
        boolean en = Errors.english(this);
        H2 title = new H2(getTranslation("search.title"));
        title.setId("view-title");

        idNumber.setId("search-id-number");
        idNumber.setLabel(getTranslation("idnumber"));
        idNumber.setMaxLength(18);
        name.setId("search-name");
        name.setLabel(getTranslation("search.name"));
        filingNumber.setId("search-filing-number");
        filingNumber.setLabel(getTranslation("search.number"));
        status.setId("search-status");
        status.setLabel(getTranslation("filings.col.status"));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("search.any"));
        status.setItems(FilingStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("search.any") : getTranslation("search.status." + s.name()));
        type.setId("search-type");
        type.setLabel(getTranslation("result.type"));
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("search.any"));
        type.setItems(FilingType.values());
        type.setItemLabelGenerator(t -> t == null ? getTranslation("search.any")
                : en ? getTranslation("filingType." + t.name()) : t.label());
        destination.setId("search-destination");
        destination.setLabel(getTranslation("result.treatmentArea"));
        destination.setItems(destinations());
        destination.setItemLabelGenerator(Division::fullName);
        destination.setClearButtonVisible(true);
        from.setId("search-from");
        from.setLabel(getTranslation("search.from"));
        from.setClearButtonVisible(true);
        to.setId("search-to");
        to.setLabel(getTranslation("search.to"));
        to.setClearButtonVisible(true);
        FormLayout filters = new FormLayout(idNumber, name, filingNumber, status, type, destination, from, to);
        filters.setId("search-filters");
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2),
                new FormLayout.ResponsiveStep("60em", 4));

        search.setId("search-submit");
        search.setText(getTranslation("search.submit"));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        search.addClickListener(e -> search());
        Button reset = new Button(getTranslation("search.reset"), e -> reset());
        reset.setId("search-reset");
        error.setId("search-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        error.setVisible(false);

        grid.setId("search-results");
        grid.addColumn(f -> FilingWizard.TIME.format(f.submittedAt())).setHeader(getTranslation("detail.submittedAt")).setAutoWidth(true);
        grid.addColumn(f -> f.filingNumber() == null ? f.applicationSerial() : f.filingNumber())
                .setHeader(getTranslation("search.col.number")).setAutoWidth(true);
        grid.addColumn(Filing::personName).setHeader(getTranslation("search.name")).setAutoWidth(true);
        grid.addColumn(f -> IdNumber.mask(f.personIdNumber())).setHeader(getTranslation("idnumber")).setAutoWidth(true);
        // the state before the details, which may scroll out of a narrow screen
        grid.addColumn(f -> f.statusLabel(en) + " · " + getTranslation(FilingActions.tabKey(f.channel())))
                .setHeader(getTranslation("filings.col.status")).setAutoWidth(true);
        grid.addColumn(f -> en ? getTranslation("filingType." + f.filingType().name()) : f.filingType().label())
                .setHeader(getTranslation("result.type")).setAutoWidth(true);
        grid.addColumn(f -> services.divisions().name(f.treatmentAreaCode()).orElse(f.treatmentAreaCode()))
                .setHeader(getTranslation("result.treatmentArea")).setAutoWidth(true);
        grid.addColumn(f -> f.startDate() + " ~ " + f.endDate()).setHeader(getTranslation("filings.col.period")).setAutoWidth(true);
        grid.addComponentColumn(this::open).setKey("open").setHeader(getTranslation("search.col.action")).setAutoWidth(true).setFrozenToEnd(true);
        grid.setEmptyStateText(getTranslation("search.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(PAGE);
        grid.addItemDoubleClickListener(e -> open(e.getItem().id().toString()));
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()));

        HorizontalLayout buttons = new HorizontalLayout(search, reset);
        add(title, filters, buttons, error, grid);
        setSizeFull();
        grid.setSizeFull();
    }

    /** The rows the list asks for, read in pages of the search (the list may ask from any offset). */
    private Stream<Filing> fetch(int offset, int limit) {
        List<Filing> rows = new ArrayList<>();
        int page = offset / PAGE;
        int skip = offset % PAGE;
        while (rows.size() < limit) {
            FilingQuery.Page found = services.filings().search(clerk, criteria.withPage(page++, PAGE));
            found.items().stream().skip(skip).limit(limit - rows.size()).forEach(rows::add);
            if (!found.hasMore()) {
                break;
            }
            skip = 0;
        }
        return rows.stream();
    }

    void search() {
        Errors.clear(error);
        idNumber.setInvalid(false);
        FilingQuery q = new FilingQuery(idNumber.getValue(), name.getValue(), filingNumber.getValue(), status.getValue(),
                type.getValue(), destination.getValue() == null ? null : destination.getValue().code(), from.getValue(),
                to.getValue(), 0, PAGE);
        try {
            if (!idNumber.getValue().isBlank()) {
                checkIdNumber();
            }
            criteria = q.normalised();
        } catch (BusinessRuleException e) {
            Errors.show(error, e); // the list keeps the last search
            return;
        }
        grid.getDataProvider().refreshAll();
    }

    /** A wrong ID number is marked at its field as well. */
    private void checkIdNumber() {
        try {
            IdNumber.require(idNumber.getValue());
        } catch (BusinessRuleException e) {
            idNumber.setErrorMessage(Errors.message(this, e));
            idNumber.setInvalid(true);
            throw e;
        }
    }

    private void reset() {
        idNumber.clear();
        name.clear();
        filingNumber.clear();
        status.clear();
        type.clear();
        destination.clear();
        from.clear();
        to.clear();
        search();
    }

    private Button open(Filing f) {
        Button open = new Button(getTranslation("search.open"), e -> open(f.id().toString()));
        open.setId("search-open-" + f.id());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return open;
    }

    private void open(String id) {
        getUI().ifPresent(ui -> ui.navigate("clerk/filing/" + id));
    }

    /** Provinces, then the cities of the provinces that have cities: any of them narrows the list. */
    private List<Division> destinations() {
        List<Division> all = new ArrayList<>(services.divisions().provinces());
        for (Division p : services.divisions().provinces()) {
            if (!p.provinceLevelOnly()) {
                all.addAll(services.divisions().children(p.code()));
            }
        }
        return all;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.title");
    }
}
