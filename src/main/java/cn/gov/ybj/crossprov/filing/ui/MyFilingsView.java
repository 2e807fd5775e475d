package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.ui.Tables;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/** 我的备案: the person's and linked family members' filings, in the three tabs of the national app. */
@Route(value = "insured", layout = MainLayout.class)
@RolesAllowed(Roles.INSURED)
public class MyFilingsView extends VerticalLayout implements HasDynamicTitle {

    public MyFilingsView() {
        H2 title = new H2(getTranslation("filings.title"));
        title.setId("view-title");
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        for (String tab : List.of("filings.tab.quick", "filings.tab.self", "filings.tab.local")) {
            tabs.add(getTranslation(tab), Tables.of(new Grid<>(), "filings.empty", List.of("filings.col.serial",
                    "filings.col.person", "filings.col.destination", "filings.col.type", "filings.col.period", "filings.col.status")));
        }
        add(title, tabs);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("filings.title");
    }
}
