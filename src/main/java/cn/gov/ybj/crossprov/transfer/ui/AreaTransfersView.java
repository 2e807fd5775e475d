package cn.gov.ybj.crossprov.transfer.ui;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import cn.gov.ybj.crossprov.transfer.TransferCases;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** 转移接续查询 of a pooling area's clerks: cases leaving (转出) or entering (转入) the area. */
@Route(value = "clerk/transfers", layout = MainLayout.class)
@Menu(title = "nav.transfer.area", order = 230)
@RolesAllowed(Roles.CLERK)
public class AreaTransfersView extends TransferListView {

    public AreaTransfersView(CurrentUser currentUser, TransferCases transfers, DivisionNames divisions) {
        super(currentUser, transfers, divisions, "transfer.area.title");
    }
}
