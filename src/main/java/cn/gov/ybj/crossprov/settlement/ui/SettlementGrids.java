package cn.gov.ybj.crossprov.settlement.ui;

import cn.gov.ybj.crossprov.ui.PhoneLayout;
import cn.gov.ybj.crossprov.settlement.HospitalSettlement;
import cn.gov.ybj.crossprov.settlement.SettlementSummary;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import cn.gov.ybj.crossprov.shared.Money;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

/** The settlement list both 结算信息查询 screens show; a row opens the settlement. */
final class SettlementGrids {

    private SettlementGrids() {
    }

    static Grid<SettlementSummary> list(DivisionNames divisions) {
        Grid<SettlementSummary> grid = new Grid<>();
        grid.setId("settlements");
        grid.addColumn(SettlementSummary::dischargeDate).setHeader(grid.getTranslation("settlement.dischargeDate")).setAutoWidth(true);
        grid.addColumn(SettlementSummary::personName).setHeader(grid.getTranslation("settlement.personName")).setAutoWidth(true);
        grid.addColumn(SettlementSummary::personIdNumber).setHeader(grid.getTranslation("settlement.idNumber")).setAutoWidth(true);
        grid.addColumn(s -> divisions.name(s.medicalAreaCode()).orElse(s.medicalAreaCode()))
                .setHeader(grid.getTranslation("settlement.medicalArea")).setAutoWidth(true);
        grid.addColumn(SettlementSummary::settlementNo).setHeader(grid.getTranslation("settlement.no")).setAutoWidth(true);
        money(grid, "settlement.total", SettlementSummary::total);
        money(grid, "settlement.fundsTotal", SettlementSummary::fundsTotal);
        money(grid, "settlement.personalCash", SettlementSummary::personalCash);
        grid.addColumn(s -> status(grid, s.status(), s.emergency())).setHeader(grid.getTranslation("settlement.status")).setAutoWidth(true);
        PhoneLayout.cards(grid, grid.getTranslation("settlement.no"), s -> PhoneLayout.card(s.settlementNo(),
                status(grid, s.status(), s.emergency()) + " · " + s.dischargeDate(),
                s.personName() + " · " + divisions.name(s.medicalAreaCode()).orElse(s.medicalAreaCode()),
                grid.getTranslation("settlement.total") + " " + s.total() + " · " + grid.getTranslation("settlement.fundsTotal") + " " + s.fundsTotal()
                        + " · " + grid.getTranslation("settlement.personalCash") + " " + s.personalCash()));
        grid.setEmptyStateText(grid.getTranslation("settlement.list.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> grid.getUI().ifPresent(ui ->
                ui.navigate("settlements/" + e.getItem().institutionCode() + "/" + e.getItem().settlementNo())));
        return grid;
    }

    static String status(Component c, String status, boolean emergency) {
        String s = c.getTranslation(HospitalSettlement.REVERSED.equals(status) ? "settlement.status.reversed" : "settlement.status.settled");
        return emergency ? s + c.getTranslation("settlement.emergency.suffix") : s;
    }

    private static void money(Grid<SettlementSummary> grid, String key, java.util.function.Function<SettlementSummary, Money> amount) {
        grid.addColumn(s -> amount.apply(s).toString()).setHeader(grid.getTranslation(key)).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
    }
}
