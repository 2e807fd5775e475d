package cn.gov.ybj.crossprov.transfer.ui;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.transfer.TransferCase;
import cn.gov.ybj.crossprov.transfer.TransferCases;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * 职工医疗保险关系异地转入申请 (001): 选择类型, 转出地 and 转入地, 查询, 提交. 「本业务需要前台经办落地审核」:
 * the in-area's counter checks the person and the documents before the out-area hears of it.
 */
@Route(value = "insured/transfer-in", layout = MainLayout.class)
@Menu(title = "nav.transfer.in", order = 161)
@RolesAllowed(Roles.INSURED)
public class TransferInView extends ApplicationView {

    private final Select<InsuranceType> type = new Select<>();
    private final ComboBox<PoolingArea> outArea;
    private final ComboBox<PoolingArea> inArea;

    public TransferInView(CurrentUser currentUser, TransferCases transfers, PoolingAreas areas) {
        super(currentUser, transfers, "transfer.in.title", "transfer.in.note");
        type.setId("transfer-type");
        type.setLabel(getTranslation("transfer.chooseType"));
        type.setItems(InsuranceType.values());
        type.setItemLabelGenerator(t -> TransferPanels.typeLabel(this, t));
        type.setRequiredIndicatorVisible(true);
        outArea = areaPicker(areas, "transfer-out-area", "transfer.outArea");
        inArea = areaPicker(areas, "transfer-in-area", "transfer.inArea");
        layout(type, outArea, inArea);
    }

    @Override
    TransferCases.Preview preview() {
        return transfers.previewIn(user, type.getValue(), code(outArea), code(inArea));
    }

    @Override
    TransferCase apply(String phone) {
        return transfers.applyIn(user, type.getValue(), code(outArea), code(inArea), phone);
    }

    @Override
    void clearQuery() {
        type.clear();
        outArea.clear();
        inArea.clear();
    }
}
