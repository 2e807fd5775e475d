package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.ui.Tables;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/** 办件进度: the person's pending items across all processes. */
@Route(value = "insured/progress", layout = MainLayout.class)
@RolesAllowed(Roles.INSURED)
public class CaseProgressView extends VerticalLayout implements HasDynamicTitle {

    public CaseProgressView() {
        H2 title = new H2(getTranslation("progress.title"));
        title.setId("view-title");
        add(title, Tables.of(new Grid<>(), "progress.empty", List.of("progress.col.type", "progress.col.date", "progress.col.state")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("progress.title");
    }
}
