package cn.gov.ybj.crossprov.reference.ui;

import cn.gov.ybj.crossprov.ui.PhoneLayout;
import cn.gov.ybj.crossprov.shared.RegionCode;
import cn.gov.ybj.crossprov.reference.DesignatedInstitutions;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.reference.Institution;
import cn.gov.ybj.crossprov.reference.InstitutionFilter;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** 异地定点医疗机构查询: public, no login; columns and filters of the national query system (000). */
@Route("public/institutions")
@AnonymousAllowed
public class InstitutionQueryView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final DivisionPicker picker;
    private final ComboBox<Divisions.Division> province;
    private final ComboBox<Divisions.Division> city;
    private final TextField name = new TextField();
    private final ComboBox<String> grade = new ComboBox<>();
    private final ComboBox<String> category = new ComboBox<>();
    private final Span total = new Span();
    private final Grid<Institution> grid = new Grid<>();
    private final CallbackDataProvider<Institution, Void> data;
    private final DesignatedInstitutions institutions;
    private final Divisions divisions;
    /** shown when the linked division is finer than the filters (a county-level pooling area) */
    private final Span linked = new Span();
    /** from the pooling-area query: ?division=350200 */
    private String linkedDivision;

    public InstitutionQueryView(Divisions divisions, DesignatedInstitutions institutions) {
        this.institutions = institutions;
        this.divisions = divisions;
        // a public page without the app's header: its title is the page's one heading and the page is its main region
        H1 title = new H1(getTranslation("institutions.title"));
        title.addClassNames(com.vaadin.flow.theme.lumo.LumoUtility.FontSize.XXLARGE);
        getElement().setAttribute("role", "main");
        title.setId("view-title");

        picker = new DivisionPicker(divisions, getTranslation("institutions.province"), getTranslation("institutions.city"));
        province = picker.province;
        city = picker.city;
        province.addValueChangeListener(e -> {
            linkedDivision = null;
            linked.setText("");
        });
        city.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                linkedDivision = null;
                linked.setText("");
            }
        });
        name.setId("filter-name");
        name.setLabel(getTranslation("institutions.name"));
        name.setClearButtonVisible(true);
        grade.setLabel(getTranslation("institutions.grade"));
        grade.setItems(Institution.GRADES);
        // the values are the institutions file's words; the labels follow the UI's language
        grade.setItemLabelGenerator(v -> getTranslation("institution.grade." + v));
        grade.setClearButtonVisible(true);
        category.setLabel(getTranslation("institutions.category"));
        category.setItems(Institution.CATEGORIES);
        category.setItemLabelGenerator(v -> getTranslation("institution.category." + v));
        category.setClearButtonVisible(true);
        Button search = new Button(getTranslation("institutions.search"), e -> refresh());
        search.setId("search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        name.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> refresh());

        HorizontalLayout filters = new HorizontalLayout(province, city, name, grade, category, search);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("institutions");
        grid.addColumn(Institution::divisionName).setHeader(getTranslation("institutions.col.division")).setAutoWidth(true);
        grid.addColumn(Institution::name).setHeader(getTranslation("institutions.col.name")).setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(Institution::code).setHeader(getTranslation("institutions.col.code")).setAutoWidth(true);
        grid.addColumn(Institution::grade).setHeader(getTranslation("institutions.col.grade")).setAutoWidth(true);
        grid.addColumn(Institution::category).setHeader(getTranslation("institutions.col.category")).setAutoWidth(true);
        grid.addColumn(Institution::address).setHeader(getTranslation("institutions.col.address")).setFlexGrow(2);
        PhoneLayout.cards(grid, getTranslation("institutions.col.name"), i -> PhoneLayout.card(i.name(),
                i.divisionName() + " · " + i.grade() + " · " + i.category(), i.code(), i.address()));
        grid.setEmptyStateText(getTranslation("institutions.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        data = new CallbackDataProvider<>(
                q -> institutions.list(filter(), q.getOffset(), q.getLimit()).stream(),
                q -> countAndShow());
        grid.setItems(data);
        grid.setHeight("60vh");

        total.setId("total");
        linked.setId("linked-division");
        add(new Anchor("", getTranslation("denied.home")), title, filters, linked, total, grid);
    }

    private InstitutionFilter filter() {
        String division = linkedDivision != null ? linkedDivision : picker.selectedCode();
        return new InstitutionFilter(division, name.getValue(), grade.getValue(), category.getValue());
    }

    private int countAndShow() {
        long count = institutions.count(filter());
        total.setText(count > DesignatedInstitutions.COUNT_CAP
                ? getTranslation("institutions.total.many", DesignatedInstitutions.COUNT_CAP)
                : getTranslation("institutions.total", count));
        // a lazy grid scrolls through the counted rows; refine the filter to see beyond them
        return (int) Math.min(count, DesignatedInstitutions.COUNT_CAP);
    }

    private void refresh() {
        data.refreshAll();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // ?division=350200 from the pooling-area or agency query: show it in the filters
        event.getLocation().getQueryParameters().getSingleParameter("division")
                .flatMap(divisions::find).ifPresent(this::showDivision);
    }

    private void showDivision(Divisions.Division division) {
        String code = division.code();
        RegionCode region = RegionCode.of(code);
        divisions.find(region.province().code()).ifPresent(province::setValue);
        if (division.level() == 2 && city.isEnabled()) {
            city.setValue(division);
        } else if (division.level() == 3) {
            divisions.find(region.city().code()).filter(c -> city.isEnabled()).ifPresent(city::setValue);
            // finer than the filters: keep it and say so
            linkedDivision = code;
            linked.setText(getTranslation("common.labelled", getTranslation("institutions.col.division"), division.fullName()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("institutions.title");
    }
}
