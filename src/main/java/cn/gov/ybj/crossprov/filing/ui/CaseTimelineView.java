package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.CaseProgress;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;

import cn.gov.ybj.crossprov.shared.ChinaTime;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * One item's steps in the applicant's words, oldest first; the step in hand is highlighted with the agency
 * handling it, its phone and the review's due date.
 */
@Route(value = "insured/progress/:pi", layout = MainLayout.class)
@RolesAllowed(Roles.INSURED)
public class CaseTimelineView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ChinaTime.ZONE);

    private final WizardServices services;

    public CaseTimelineView(WizardServices services) {
        this.services = services;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("progress.timeline"));
        title.setId("view-title");
        Button back = new Button(getTranslation("progress.back"), e -> getUI().ifPresent(ui -> ui.navigate("insured/progress")));
        back.setId("progress-back");
        add(title);
        AppUser user = services.currentUser().require();
        String pi = event.getRouteParameters().get("pi").orElse("");
        Optional<CaseProgress> item = services.filings().progress(user).stream()
                .filter(p -> p.processInstanceId().equals(pi)).findFirst();
        if (item.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("progress.notFound"));
            none.setId("not-found");
            add(none, back);
            return;
        }
        CaseProgress p = item.get();
        boolean en = Errors.english(this);
        Paragraph head = new Paragraph((en ? getTranslation("progress.kind." + p.kind().name()) : p.kind().label())
                + " · " + p.reference() + " · " + p.state(en));
        head.setId("progress-item");
        OrderedList steps = new OrderedList();
        steps.setId("timeline");
        List<CaseProgress.Step> list = services.filings().progressSteps(user, pi);
        for (int i = 0; i < list.size(); i++) {
            CaseProgress.Step s = list.get(i);
            Span name = new Span(s.name(en));
            Span at = new Span(" · " + FilingWizard.TIME.format(s.startedAt()));
            at.addClassNames(LumoUtility.TextColor.SECONDARY);
            ListItem li = new ListItem(name, at);
            li.setId("step-" + i);
            if (s.current()) {
                Span current = new Span(getTranslation("progress.current"));
                current.getElement().getThemeList().add("badge");
                li.add(current);
                li.addClassNames(LumoUtility.FontWeight.BOLD, LumoUtility.TextColor.PRIMARY);
                li.getElement().setAttribute("aria-current", "step");
                li.add(inHand(s));
            }
            steps.add(li);
        }
        add(head, steps, back);
    }

    /** Who handles the step in hand, how to reach them and by when (the review's working-day deadline). */
    private Paragraph inHand(CaseProgress.Step s) {
        Paragraph p = new Paragraph();
        p.setId("current-step");
        p.addClassNames(LumoUtility.FontWeight.NORMAL, LumoUtility.TextColor.BODY, LumoUtility.Margin.Vertical.XSMALL);
        part(p, "current-agency", s.agencyName() == null ? null : getTranslation("progress.agency", s.agencyName()));
        part(p, "current-phone", s.agencyPhone() == null ? null : getTranslation("progress.phone", s.agencyPhone()));
        part(p, "current-due", s.dueAt() == null ? null : getTranslation("progress.due", DUE.format(s.dueAt())));
        return p;
    }

    private static void part(Paragraph p, String id, String text) {
        if (text == null) {
            return;
        }
        if (p.getChildren().findAny().isPresent()) {
            p.add(new Span(" · "));
        }
        Span span = new Span(text);
        span.setId(id);
        p.add(span);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("progress.timeline");
    }
}
