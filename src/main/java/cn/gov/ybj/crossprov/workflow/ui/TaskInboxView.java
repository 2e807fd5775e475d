package cn.gov.ybj.crossprov.workflow.ui;

import cn.gov.ybj.crossprov.identity.AccountNames;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.workflow.CaseSummaries;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import cn.gov.ybj.crossprov.workflow.TaskTypes;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 待办任务: the candidate tasks of the clerk's pooling area, escalated ones first, then by due
 * date; overdue (已超期) and escalated (已督办) ones marked. Supervisors can list the escalated
 * tasks of their area alone (督办任务). The type filter offers what the modules contribute as
 * {@link TaskTypes}. The actions stay in view at any width (frozen to the end), a click on a row
 * opens the task like 办理, and the 办理人 is shown by name.
 */
@Route(value = "clerk/inbox", layout = MainLayout.class)
@Menu(title = "nav.inbox", order = 200)
@RolesAllowed(Roles.CLERK)
public class TaskInboxView extends VerticalLayout implements HasDynamicTitle {

    static final ZoneId ZONE = ChinaTime.ZONE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private final ClerkInbox inbox;
    private final List<CaseSummaries> summaries;
    private final AppUser clerk;
    private final AccountNames names;
    /** assignee user name → display name, filled per page */
    private final Map<String, String> assigneeNames = new ConcurrentHashMap<>();
    /** task definition key → translation key of its name, as the modules contribute them ({@link TaskTypes}) */
    private final Map<String, String> taskTypeNames = new LinkedHashMap<>();
    private final Map<String, CaseSummaries.CaseSummary> summaryOfProcess = new ConcurrentHashMap<>();
    private final Grid<ClerkInbox.Item> grid = new Grid<>();
    private final ComboBox<String> taskType = new ComboBox<>();
    private final DatePicker createdFrom = new DatePicker();
    private final DatePicker createdTo = new DatePicker();
    private final Checkbox onlyOverdue = new Checkbox();
    private final Checkbox onlyEscalated = new Checkbox();
    private final Span error = new Span();

    public TaskInboxView(CurrentUser currentUser, ClerkInbox inbox, List<CaseSummaries> summaries,
                         ObjectProvider<TaskTypes> taskTypes, AccountNames names) {
        this.inbox = inbox;
        this.names = names;
        this.summaries = summaries;
        this.clerk = currentUser.require();
        taskTypes.orderedStream().flatMap(t -> t.taskTypes().stream())
                .forEach(t -> taskTypeNames.putIfAbsent(t.taskDefinitionKey(), t.translationKey()));
        H2 title = new H2(getTranslation("inbox.title"));
        title.setId("view-title");
        error.setId("form-error");
        error.addClassNames(LumoUtility.TextColor.ERROR);
        error.setVisible(false);

        taskType.setId("filter-task-type");
        taskType.setLabel(getTranslation("inbox.filter.type"));
        taskType.setItems(List.copyOf(taskTypeNames.keySet()));
        taskType.setItemLabelGenerator(k -> getTranslation(taskTypeNames.get(k)));
        taskType.setClearButtonVisible(true);
        createdFrom.setId("filter-created-from");
        createdFrom.setLabel(getTranslation("inbox.filter.from"));
        createdFrom.setClearButtonVisible(true);
        createdTo.setId("filter-created-to");
        createdTo.setLabel(getTranslation("inbox.filter.to"));
        createdTo.setClearButtonVisible(true);
        onlyOverdue.setId("filter-overdue");
        onlyOverdue.setLabel(getTranslation("inbox.filter.overdue"));
        onlyEscalated.setId("filter-escalated");
        onlyEscalated.setLabel(getTranslation("inbox.filter.escalated"));
        // 督办任务 are the supervisors' view: tasks escalated to them
        onlyEscalated.setVisible(clerk.hasRole(Roles.SUPERVISOR));
        taskType.addValueChangeListener(e -> refresh());
        createdFrom.addValueChangeListener(e -> refresh());
        createdTo.addValueChangeListener(e -> refresh());
        onlyOverdue.addValueChangeListener(e -> refresh());
        onlyEscalated.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(taskType, createdFrom, createdTo, onlyOverdue, onlyEscalated);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("inbox");
        grid.addColumn(this::taskName).setHeader(getTranslation("inbox.col.task")).setAutoWidth(true);
        grid.addColumn(i -> summary(i).map(s -> s.caseType(english())).orElse("")).setHeader(getTranslation("inbox.col.case")).setAutoWidth(true);
        grid.addColumn(i -> summary(i).map(CaseSummaries.CaseSummary::applicant).orElse("")).setHeader(getTranslation("inbox.col.applicant")).setAutoWidth(true);
        grid.addColumn(i -> summary(i).map(CaseSummaries.CaseSummary::reference).orElse("")).setHeader(getTranslation("inbox.col.reference")).setAutoWidth(true);
        grid.addColumn(i -> TIME.format(i.created())).setHeader(getTranslation("inbox.col.created")).setAutoWidth(true);
        grid.addComponentColumn(this::due).setKey("due").setHeader(getTranslation("inbox.col.due")).setAutoWidth(true);
        grid.addColumn(this::assigneeName).setKey("assignee").setHeader(getTranslation("inbox.col.assignee")).setAutoWidth(true);
        // at 1366 px the columns overflow; the actions must not scroll out of sight
        Grid.Column<ClerkInbox.Item> actions = grid.addComponentColumn(this::actions).setKey("actions")
                .setHeader(getTranslation("inbox.col.actions")).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        // a click on the row opens the task as 办理 does; clicks in the actions cell are the buttons' own
        grid.addItemClickListener(e -> {
            if (e.getColumn() != actions) {
                open(e.getItem());
            }
        });
        grid.setPartNameGenerator(TaskInboxView::partNames);
        grid.setEmptyStateText(getTranslation("inbox.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, inbox.count(clerk, filter())));
        add(title, error, filters, grid);
    }

    ClerkInbox.Filter filter() {
        Instant from = createdFrom.getValue() == null ? null : createdFrom.getValue().atStartOfDay(ZONE).toInstant();
        LocalDate to = createdTo.getValue();
        Instant until = to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant();
        return new ClerkInbox.Filter(taskType.getValue(), from, until, onlyOverdue.getValue(), onlyEscalated.getValue());
    }

    private static String partNames(ClerkInbox.Item item) {
        String parts = ((item.escalated() ? " escalated" : "") + (item.overdue(Instant.now()) ? " overdue" : "")).trim();
        return parts.isEmpty() ? null : parts;
    }

    private List<ClerkInbox.Item> fetch(int offset, int limit) {
        List<ClerkInbox.Item> items = inbox.page(clerk, filter(), offset, limit);
        List<String> ids = new ArrayList<>(items.stream().map(ClerkInbox.Item::processInstanceId).distinct().toList());
        ids.removeIf(summaryOfProcess::containsKey);
        if (!ids.isEmpty()) {
            summaries.forEach(s -> summaryOfProcess.putAll(s.summarize(ids)));
        }
        List<String> accounts = items.stream().map(ClerkInbox.Item::assignee).filter(a -> a != null && !assigneeNames.containsKey(a))
                .distinct().map(a -> AccountNames.account(Realm.CLERKS, a)).toList();
        if (!accounts.isEmpty()) {
            names.names(accounts).forEach((account, name) -> assigneeNames.put(AccountNames.withoutRealm(account), name));
        }
        return items;
    }

    private java.util.Optional<CaseSummaries.CaseSummary> summary(ClerkInbox.Item item) {
        return java.util.Optional.ofNullable(item.processInstanceId()).map(summaryOfProcess::get);
    }

    private boolean english() {
        return "en".equals(getLocale().getLanguage());
    }

    private String taskName(ClerkInbox.Item item) {
        String key = taskTypeNames.get(item.taskDefinitionKey());
        String translated = key == null ? null : getTranslation(key);
        return translated == null || translated.startsWith("!") ? item.name() : translated;
    }

    /** Tasks are claimed by user name within the clerks' realm; people see the clerk's name. */
    private String assigneeName(ClerkInbox.Item item) {
        return item.assignee() == null ? "" : assigneeNames.getOrDefault(item.assignee(), item.assignee());
    }

    private void open(ClerkInbox.Item item) {
        summary(item).map(CaseSummaries.CaseSummary::reviewRoute)
                .ifPresent(route -> getUI().ifPresent(ui -> ui.navigate(route.replace("{taskId}", item.taskId()))));
    }

    private String handle(ClerkInbox.Item item) {
        return summary(item).map(CaseSummaries.CaseSummary::reference).orElse(item.taskId());
    }

    private HorizontalLayout due(ClerkInbox.Item item) {
        HorizontalLayout cell = new HorizontalLayout();
        cell.setSpacing(true);
        cell.add(new Span(item.due() == null ? "" : TIME.format(item.due())));
        if (item.overdue(Instant.now())) {
            cell.add(badge("overdue", "badge error", item));
        }
        if (item.escalated()) {
            cell.add(badge("escalated", "badge contrast", item));
        }
        return cell;
    }

    /** 已超期 / 已督办 as a Lumo badge, with id {@code <mark>-<reference or task id>}. */
    private Span badge(String mark, String theme, ClerkInbox.Item item) {
        Span badge = new Span(getTranslation("inbox." + mark));
        badge.getElement().getThemeList().add(theme);
        badge.addClassName(mark);
        badge.setId(mark + "-" + handle(item));
        return badge;
    }

    private HorizontalLayout actions(ClerkInbox.Item item) {
        HorizontalLayout cell = new HorizontalLayout();
        if (item.assignee() == null) {
            Button claim = new Button(getTranslation("inbox.claim"), e -> act(() -> inbox.claim(clerk, item.taskId())));
            claim.setId("claim-" + handle(item));
            claim.addThemeVariants(ButtonVariant.LUMO_SMALL);
            cell.add(claim);
        } else if (item.assignee().equals(clerk.username()) || clerk.hasRole(Roles.SUPERVISOR)) {
            Button unclaim = new Button(getTranslation("inbox.unclaim"), e -> act(() -> inbox.unclaim(clerk, item.taskId())));
            unclaim.setId("unclaim-" + handle(item));
            unclaim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            cell.add(unclaim);
        }
        summary(item).map(CaseSummaries.CaseSummary::reviewRoute).ifPresent(route -> {
            Button work = new Button(getTranslation("inbox.work"), e -> open(item));
            work.setId("work-" + handle(item));
            work.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            cell.add(work);
        });
        return cell;
    }

    private void act(Runnable action) {
        Errors.clear(error);
        try {
            action.run();
        } catch (BusinessRuleException e) {
            Errors.show(error, e);
        }
        refresh();
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    Grid<ClerkInbox.Item> grid() {
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inbox.title");
    }
}
