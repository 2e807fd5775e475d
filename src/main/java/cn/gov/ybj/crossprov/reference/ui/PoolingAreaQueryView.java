package cn.gov.ybj.crossprov.reference.ui;

import cn.gov.ybj.crossprov.ui.PhoneLayout;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** 统筹区开通信息查询 / 异地就医经办机构查询: public; an area's name leads to its designated institutions. */
@Route("public/pooling-areas")
@AnonymousAllowed
public class PoolingAreaQueryView extends VerticalLayout implements HasDynamicTitle {

    public PoolingAreaQueryView(Divisions divisions, PoolingAreas poolingAreas) {
        // a public page without the app's header: its title is the page's one heading and the page is its main region
        H1 title = new H1(getTranslation("areas.title"));
        title.addClassNames(com.vaadin.flow.theme.lumo.LumoUtility.FontSize.XXLARGE);
        getElement().setAttribute("role", "main");
        title.setId("view-title");
        ComboBox<Divisions.Division> province = new ComboBox<>(getTranslation("institutions.province"));
        province.setId("filter-province");
        province.setItems(divisions.provinces());
        province.setItemLabelGenerator(Divisions.Division::fullName);
        province.setClearButtonVisible(true);

        Grid<PoolingArea> grid = new Grid<>();
        grid.setId("pooling-areas");
        grid.addComponentColumn(a -> PhoneLayout.narrow(grid) ? new com.vaadin.flow.component.html.Span()
                        : new Anchor("public/institutions?division=" + a.code(), a.name()))
                .setHeader(getTranslation("areas.col.name")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation(a.crossProvinceOpen() ? "areas.open" : "areas.closed")).setHeader(getTranslation("areas.col.open"));
        grid.addColumn(PoolingArea::openedOn).setHeader(getTranslation("areas.col.opened"));
        grid.addColumn(a -> getTranslation("areas.mode." + a.filingMode().name())).setHeader(getTranslation("areas.col.mode"));
        grid.addColumn(PoolingArea::agencyName).setHeader(getTranslation("areas.col.agency")).setAutoWidth(true);
        grid.addColumn(PoolingArea::agencyPhone).setHeader(getTranslation("areas.col.phone"));
        grid.addColumn(PoolingArea::agencyAddress).setHeader(getTranslation("areas.col.address")).setFlexGrow(2);
        PhoneLayout.cards(grid, getTranslation("areas.col.name"), a -> PhoneLayout.card(a.name(),
                new Anchor("public/institutions?division=" + a.code(), getTranslation("areas.col.name") + " " + a.code()),
                getTranslation(a.crossProvinceOpen() ? "areas.open" : "areas.closed") + " · " + a.filingMode().label()
                        + (a.openedOn() == null ? "" : " · " + a.openedOn()),
                a.agencyName(), a.agencyPhone(), a.agencyAddress()));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("65vh");
        grid.setItems(poolingAreas.list(null));
        province.addValueChangeListener(e -> grid.setItems(poolingAreas.list(e.getValue() == null ? null : e.getValue().code())));

        add(new Anchor("", getTranslation("denied.home")), title, province, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("areas.title");
    }
}
