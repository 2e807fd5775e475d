package cn.gov.ybj.crossprov.transfer.ui;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import cn.gov.ybj.crossprov.transfer.TransferCases;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** 医疗转移接续办理进度查询 of the insured person. */
@Route(value = "insured/transfers", layout = MainLayout.class)
@Menu(title = "nav.transfer.progress", order = 162)
@RolesAllowed(Roles.INSURED)
public class MyTransfersView extends TransferListView {

    public MyTransfersView(CurrentUser currentUser, TransferCases transfers, DivisionNames divisions) {
        super(currentUser, transfers, divisions, "transfer.progress.title");
    }
}
