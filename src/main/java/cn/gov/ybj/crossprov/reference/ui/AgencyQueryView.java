package cn.gov.ybj.crossprov.reference.ui;

import cn.gov.ybj.crossprov.ui.PhoneLayout;
import cn.gov.ybj.crossprov.reference.Agencies;
import cn.gov.ybj.crossprov.reference.Agency;
import cn.gov.ybj.crossprov.reference.Divisions;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;


/**
 * 异地就医经办机构查询: public, no login. Filters 所属省份 → 所属地市 and 经办机构名称; columns
 * 序号, 所属省份, 统筹区, 经办机构名称, 地址, 联系电话. An area's name opens its designated institutions.
 */
@Route("public/agencies")
@AnonymousAllowed
public class AgencyQueryView extends VerticalLayout implements HasDynamicTitle {

    private final DivisionPicker picker;
    private final TextField name = new TextField();
    private final Span total = new Span();
    private final Grid<Agency> grid = new Grid<>();
    private final CallbackDataProvider<Agency, Void> data;
    private final Agencies agencies;

    public AgencyQueryView(Divisions divisions, Agencies agencies) {
        this.agencies = agencies;
        // a public page without the app's header: its title is the page's one heading and the page is its main region
        H1 title = new H1(getTranslation("agencies.title"));
        title.addClassNames(com.vaadin.flow.theme.lumo.LumoUtility.FontSize.XXLARGE);
        getElement().setAttribute("role", "main");
        title.setId("view-title");

        picker = new DivisionPicker(divisions, getTranslation("institutions.province"), getTranslation("institutions.city"));
        picker.province.addValueChangeListener(e -> refresh());
        picker.city.addValueChangeListener(e -> refresh());
        name.setId("filter-name");
        name.setLabel(getTranslation("agencies.name"));
        name.setClearButtonVisible(true);
        name.addKeyPressListener(Key.ENTER, e -> refresh());
        Button search = new Button(getTranslation("institutions.search"), e -> refresh());
        search.setId("search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout filters = new HorizontalLayout(picker.province, picker.city, name, search);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("agencies");
        grid.addColumn(Agency::no).setHeader(getTranslation("agencies.col.no")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Agency::provinceName).setHeader(getTranslation("agencies.col.province")).setAutoWidth(true);
        grid.addComponentColumn(a -> PhoneLayout.narrow(grid) ? new com.vaadin.flow.component.html.Span()
                        : new Anchor("public/institutions?division=" + a.areaCode(), a.areaName()))
                .setHeader(getTranslation("areas.col.name")).setAutoWidth(true);
        grid.addColumn(Agency::name).setHeader(getTranslation("agencies.col.name")).setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(Agency::address).setHeader(getTranslation("areas.col.address")).setFlexGrow(2);
        grid.addColumn(Agency::phone).setHeader(getTranslation("areas.col.phone")).setAutoWidth(true);
        PhoneLayout.cards(grid, getTranslation("agencies.col.name"), a -> PhoneLayout.card(a.name(),
                new Anchor("public/institutions?division=" + a.areaCode(), a.provinceName() + " · " + a.areaName()),
                a.address(), a.phone()));
        grid.setEmptyStateText(getTranslation("agencies.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        data = new CallbackDataProvider<>(
                q -> agencies.list(filter(), q.getOffset(), q.getLimit()).stream(),
                q -> countAndShow());
        grid.setItems(data);
        grid.setHeight("60vh");

        total.setId("total");
        add(new Anchor("", getTranslation("denied.home")), title, filters, total, grid);
    }

    private Agencies.Filter filter() {
        return new Agencies.Filter(picker.selectedCode(), name.getValue());
    }

    private int countAndShow() {
        long count = agencies.count(filter());
        total.setText(getTranslation("agencies.total", count));
        return (int) count;
    }

    private void refresh() {
        data.refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("agencies.title");
    }
}
