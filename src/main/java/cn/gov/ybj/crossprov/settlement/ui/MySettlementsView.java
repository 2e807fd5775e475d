package cn.gov.ybj.crossprov.settlement.ui;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.settlement.SettlementQueries;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** 跨省异地就医结算信息查询 of the insured person: their own and linked family members' settlements. */
@Route(value = "insured/settlements", layout = MainLayout.class)
@Menu(title = "nav.settlement.mine", order = 165)
@RolesAllowed(Roles.INSURED)
public class MySettlementsView extends VerticalLayout implements HasDynamicTitle {

    public MySettlementsView(CurrentUser currentUser, SettlementQueries queries, DivisionNames divisions) {
        H2 title = new H2(getTranslation("settlement.mine.title"));
        title.setId("view-title");
        var grid = SettlementGrids.list(divisions);
        grid.setItems(queries.ofInsured(currentUser.require()));
        add(title, new Paragraph(getTranslation("settlement.mine.hint")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settlement.mine.title");
    }
}
