package cn.gov.ybj.crossprov.workflow.ui;

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

/** 待办任务: the candidate tasks of the clerk's pooling area. */
@Route(value = "clerk/inbox", layout = MainLayout.class)
@RolesAllowed(Roles.CLERK)
public class TaskInboxView extends VerticalLayout implements HasDynamicTitle {

    public TaskInboxView() {
        H2 title = new H2(getTranslation("inbox.title"));
        title.setId("view-title");
        add(title, Tables.of(new Grid<>(), "inbox.empty",
                List.of("inbox.col.task", "inbox.col.applicant", "inbox.col.created", "inbox.col.due", "inbox.col.assignee")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inbox.title");
    }
}
