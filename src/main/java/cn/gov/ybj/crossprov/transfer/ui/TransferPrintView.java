package cn.gov.ybj.crossprov.transfer.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import cn.gov.ybj.crossprov.transfer.TransferCase;
import cn.gov.ybj.crossprov.transfer.TransferCases;
import cn.gov.ybj.crossprov.transfer.TransferPrints;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.ui.PhoneLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** 打印业务·打印医疗保险关系转移接续参保凭证 (001): 查看 or 下载 the certificate, and the 信息表. */
@Route(value = "insured/transfer-certificates", layout = MainLayout.class)
@Menu(title = "nav.transfer.print", order = 163)
@RolesAllowed(Roles.INSURED)
public class TransferPrintView extends VerticalLayout implements HasDynamicTitle {

    public TransferPrintView(CurrentUser currentUser, TransferCases transfers, TransferPrints prints, DivisionNames divisions) {
        AppUser user = currentUser.require();
        H2 title = new H2(getTranslation("transfer.print.title"));
        title.setId("view-title");
        Grid<TransferCase> grid = new Grid<>();
        grid.setId("certificates");
        grid.addColumn(TransferCase::getCertificateNo).setHeader(getTranslation("transfer.certificateNo")).setAutoWidth(true);
        grid.addColumn(TransferCase::getSerialNo).setHeader(getTranslation("transfer.serialNo")).setAutoWidth(true);
        grid.addColumn(c -> divisions.name(c.getOutAreaCode()).orElse(c.getOutAreaCode())).setHeader(getTranslation("transfer.outArea")).setAutoWidth(true);
        grid.addColumn(c -> divisions.name(c.getInAreaCode()).orElse(c.getInAreaCode())).setHeader(getTranslation("transfer.inArea")).setAutoWidth(true);
        grid.addColumn(c -> TransferPanels.time(c.getTransferredOutAt())).setHeader(getTranslation("transfer.transferredOutAt")).setAutoWidth(true);
        grid.addComponentColumn(c -> PhoneLayout.narrow(grid) ? new com.vaadin.flow.component.html.Span()
                        : TransferPanels.documents(this, user, c, prints)).setKey("documents").setHeader(getTranslation("transfer.section.documents")).setAutoWidth(true);
        PhoneLayout.cards(grid, getTranslation("transfer.certificateNo"), c -> PhoneLayout.card(c.getCertificateNo(),
                c.getSerialNo() + " · " + TransferPanels.time(c.getTransferredOutAt()),
                divisions.name(c.getOutAreaCode()).orElse(c.getOutAreaCode()) + " → " + divisions.name(c.getInAreaCode()).orElse(c.getInAreaCode()),
                TransferPanels.documents(this, user, c, prints)));
        grid.setEmptyStateText(getTranslation("transfer.print.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(transfers.list(user, null, 100).stream().filter(c -> c.getCertificateNo() != null).toList());
        add(title, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("transfer.print.title");
    }
}
