package cn.gov.ybj.crossprov.transfer.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import cn.gov.ybj.crossprov.transfer.Direction;
import cn.gov.ybj.crossprov.transfer.TransferCase;
import cn.gov.ybj.crossprov.transfer.TransferCases;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.PhoneLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * 医疗转移接续办理进度查询: 查询类型 转入 / 转出, the cases with their status; a row opens the case
 * with its steps. The person sees their own (and linked family members'); a clerk the cases
 * leaving or entering their area.
 */
abstract class TransferListView extends VerticalLayout implements HasDynamicTitle {

    private final String titleKey;

    TransferListView(CurrentUser currentUser, TransferCases transfers, DivisionNames divisions, String titleKey) {
        this.titleKey = titleKey;
        AppUser user = currentUser.require();
        boolean en = Errors.english(this);
        H2 title = new H2(getTranslation(titleKey));
        title.setId("view-title");
        Select<Direction> direction = new Select<>();
        direction.setId("transfer-direction");
        direction.setLabel(getTranslation("transfer.queryType"));
        direction.setItems(Direction.values());
        // the empty selection (全部) is labelled too
        direction.setItemLabelGenerator(d -> d == null ? getTranslation("transfer.queryType.all") : en ? d.labelEn() : d.label());
        direction.setEmptySelectionAllowed(true);
        direction.setEmptySelectionCaption(getTranslation("transfer.queryType.all"));
        Grid<TransferCase> grid = new Grid<>();
        grid.setId("transfers");
        grid.addColumn(TransferCase::getSerialNo).setHeader(getTranslation("transfer.serialNo")).setAutoWidth(true);
        grid.addColumn(c -> en ? c.getDirection().labelEn() : c.getDirection().label()).setHeader(getTranslation("transfer.direction")).setAutoWidth(true);
        grid.addColumn(c -> cn.gov.ybj.crossprov.shared.PersonNames.mask(c.getPersonName())).setHeader(getTranslation("transfer.personName")).setAutoWidth(true);
        grid.addColumn(c -> divisions.name(c.getOutAreaCode()).orElse(c.getOutAreaCode())).setHeader(getTranslation("transfer.outArea")).setAutoWidth(true);
        grid.addColumn(c -> divisions.name(c.getInAreaCode()).orElse(c.getInAreaCode())).setHeader(getTranslation("transfer.inArea")).setAutoWidth(true);
        grid.addColumn(c -> TransferPanels.time(c.getSubmittedAt())).setHeader(getTranslation("transfer.submittedAt")).setAutoWidth(true);
        grid.addColumn(c -> en ? c.getStatus().labelEn() : c.getStatus().label()).setHeader(getTranslation("transfer.caseStatus")).setAutoWidth(true);
        PhoneLayout.cards(grid, getTranslation("transfer.serialNo"), c -> PhoneLayout.card(c.getSerialNo(),
                (en ? c.getDirection().labelEn() : c.getDirection().label()) + " · " + (en ? c.getStatus().labelEn() : c.getStatus().label()),
                cn.gov.ybj.crossprov.shared.PersonNames.mask(c.getPersonName()) + " · " + TransferPanels.time(c.getSubmittedAt()),
                divisions.name(c.getOutAreaCode()).orElse(c.getOutAreaCode()) + " → " + divisions.name(c.getInAreaCode()).orElse(c.getInAreaCode())));
        grid.setEmptyStateText(getTranslation("transfer.list.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("transfers/" + e.getItem().getId())));
        Button query = new Button(getTranslation("transfer.query"), e -> grid.setItems(transfers.list(user, direction.getValue(), 100)));
        query.setId("transfer-query");
        query.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reset = new Button(getTranslation("transfer.reset"), e -> {
            direction.clear();
            grid.setItems(transfers.list(user, null, 100));
        });
        reset.setId("transfer-reset");
        HorizontalLayout filters = new HorizontalLayout(direction, reset, query);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        grid.setItems(transfers.list(user, null, 100));
        add(title, filters, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
