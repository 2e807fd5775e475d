package cn.gov.ybj.crossprov.workflow.ui;

import cn.gov.ybj.crossprov.identity.AccountNames;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.workflow.HandledTasks;
import cn.gov.ybj.crossprov.workflow.TaskTypes;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 已办任务: the review decisions of the logged-in clerk, newest first, searchable by reference or
 * applicant and by date, paged from the database ({@link HandledTasks}). A supervisor may list the
 * whole area's decisions, with who decided each.
 */
@Route(value = "clerk/handled", layout = MainLayout.class)
@Menu(title = "nav.handled", order = 201)
@RolesAllowed(Roles.CLERK)
public class HandledTasksView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private final HandledTasks handled;
    private final AccountNames names;
    private final AppUser clerk;
    private final Map<String, String> taskTypeNames = new HashMap<>();
    private final Map<String, String> reviewerNames = new HashMap<>();
    private final Grid<HandledTasks.Item> grid = new Grid<>();
    private final TextField text = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Checkbox wholeArea = new Checkbox();
    private final Grid.Column<HandledTasks.Item> reviewer;

    public HandledTasksView(CurrentUser currentUser, HandledTasks handled, AccountNames names, ObjectProvider<TaskTypes> taskTypes) {
        this.handled = handled;
        this.names = names;
        this.clerk = currentUser.require();
        taskTypes.orderedStream().flatMap(t -> t.taskTypes().stream())
                .forEach(t -> taskTypeNames.putIfAbsent(t.taskDefinitionKey(), t.translationKey()));
        H2 title = new H2(getTranslation("handled.title"));
        title.setId("view-title");

        text.setId("filter-text");
        text.setLabel(getTranslation("handled.filter.text"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        from.setId("filter-decided-from");
        from.setLabel(getTranslation("handled.filter.from"));
        from.setClearButtonVisible(true);
        to.setId("filter-decided-to");
        to.setLabel(getTranslation("handled.filter.to"));
        to.setClearButtonVisible(true);
        wholeArea.setId("filter-whole-area");
        wholeArea.setLabel(getTranslation("handled.filter.wholeArea"));
        // supervisors answer for their area's decisions; a clerk lists their own
        wholeArea.setVisible(clerk.hasRole(Roles.SUPERVISOR));
        text.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        wholeArea.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(text, from, to, wholeArea);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("handled");
        grid.addColumn(i -> TIME.format(i.decidedAt())).setKey("decidedAt").setHeader(getTranslation("handled.col.decidedAt")).setAutoWidth(true);
        grid.addColumn(this::taskName).setKey("task").setHeader(getTranslation("inbox.col.task")).setAutoWidth(true);
        grid.addColumn(i -> nz(i.caseType(english()))).setKey("case").setHeader(getTranslation("inbox.col.case")).setAutoWidth(true);
        grid.addColumn(i -> nz(i.applicant())).setKey("applicant").setHeader(getTranslation("inbox.col.applicant")).setAutoWidth(true);
        grid.addColumn(i -> nz(i.reference())).setKey("reference").setHeader(getTranslation("inbox.col.reference")).setAutoWidth(true);
        grid.addColumn(i -> getTranslation("handled.decision." + i.decision())).setKey("decision")
                .setHeader(getTranslation("handled.col.decision")).setAutoWidth(true);
        grid.addColumn(i -> nz(i.reason())).setKey("reason").setHeader(getTranslation("handled.col.reason")).setFlexGrow(1);
        reviewer = grid.addColumn(i -> reviewerNames.getOrDefault(i.reviewer(), AccountNames.withoutRealm(i.reviewer())))
                .setKey("reviewer").setHeader(getTranslation("inbox.col.assignee")).setAutoWidth(true);
        reviewer.setVisible(false);
        grid.setEmptyStateText(getTranslation("handled.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, handled.count(clerk, filter())));
        add(title, filters, grid);
        setSizeFull();
        grid.setSizeFull();
    }

    HandledTasks.Filter filter() {
        Instant since = from.getValue() == null ? null : from.getValue().atStartOfDay(ChinaTime.ZONE).toInstant();
        Instant until = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
        return new HandledTasks.Filter(text.getValue(), since, until, wholeArea.getValue());
    }

    private List<HandledTasks.Item> fetch(int offset, int limit) {
        List<HandledTasks.Item> items = handled.page(clerk, filter(), offset, limit);
        if (wholeArea.getValue()) {
            List<String> unknown = items.stream().map(HandledTasks.Item::reviewer).filter(Objects::nonNull)
                    .filter(r -> !reviewerNames.containsKey(r)).distinct().toList();
            if (!unknown.isEmpty()) {
                reviewerNames.putAll(names.names(unknown));
            }
        }
        return items;
    }

    private boolean english() {
        return "en".equals(getLocale().getLanguage());
    }

    private String taskName(HandledTasks.Item item) {
        String key = taskTypeNames.get(item.taskDefinitionKey());
        String translated = key == null ? null : getTranslation(key);
        return translated == null || translated.startsWith("!") ? nz(item.taskName()) : translated;
    }

    private void refresh() {
        reviewer.setVisible(wholeArea.getValue());
        grid.getDataProvider().refreshAll();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    Grid<HandledTasks.Item> grid() {
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("handled.title");
    }
}
