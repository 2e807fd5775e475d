package cn.gov.ybj.crossprov.transfer.ui;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.transfer.TransferCase;
import cn.gov.ybj.crossprov.transfer.TransferCases;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** 职工医疗保险关系转出申请 (001): choose 转入地, 查询, check, 提交; the out-area's clerks review it. */
@Route(value = "insured/transfer-out", layout = MainLayout.class)
@Menu(title = "nav.transfer.out", order = 160)
@RolesAllowed(Roles.INSURED)
public class TransferOutView extends ApplicationView {

    private final ComboBox<PoolingArea> inArea;

    public TransferOutView(CurrentUser currentUser, TransferCases transfers, PoolingAreas areas) {
        super(currentUser, transfers, "transfer.out.title", null);
        inArea = areaPicker(areas, "transfer-in-area", "transfer.inArea");
        layout(inArea);
    }

    @Override
    TransferCases.Preview preview() {
        return transfers.previewOut(user, code(inArea));
    }

    @Override
    TransferCase apply(String phone) {
        return transfers.applyOut(user, code(inArea), phone);
    }

    @Override
    void clearQuery() {
        inArea.clear();
    }
}
