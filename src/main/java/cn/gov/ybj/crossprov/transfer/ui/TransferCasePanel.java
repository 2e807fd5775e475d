package cn.gov.ybj.crossprov.transfer.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import cn.gov.ybj.crossprov.transfer.TransferCase;
import cn.gov.ybj.crossprov.transfer.TransferPrints;
import cn.gov.ybj.crossprov.transfer.TransferProgress;
import cn.gov.ybj.crossprov.workflow.ProcessDiagrams;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.annotation.SpringComponent;

/**
 * A case as the person, the clerks and process admins see it: its data, every step with time and
 * area (the current one in blue), the documents once transferred out, and the process diagram with
 * completed and active steps marked.
 */
@SpringComponent
class TransferCasePanel {

    private final TransferPrints prints;
    private final ProcessDiagrams diagrams;
    private final DivisionNames divisions;

    TransferCasePanel(TransferPrints prints, ProcessDiagrams diagrams, DivisionNames divisions) {
        this.prints = prints;
        this.diagrams = diagrams;
        this.divisions = divisions;
    }

    VerticalLayout of(VerticalLayout owner, AppUser user, TransferProgress.Progress p) {
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        TransferCase c = p.transfer();
        content.add(TransferPanels.details(owner, c, name(c.getOutAreaCode()), name(c.getInAreaCode())),
                new H3(owner.getTranslation("transfer.section.progress")), TransferPanels.steps(owner, p),
                new H3(owner.getTranslation("transfer.section.documents")), TransferPanels.documents(owner, user, c, prints));
        if (c.getProcessInstanceId() != null) {
            // Svg, not Html: Html would create the <svg> as an HTML element (nothing drawn) and lower-case viewBox
            Div diagram = new Div(new Svg(diagrams.svgForInstance(c.getProcessInstanceId(), id -> diagramName(owner, id))));
            diagram.setId("transfer-diagram");
            diagram.setWidthFull();
            diagram.getStyle().set("overflow-x", "auto");
            content.add(new H3(owner.getTranslation("transfer.section.diagram")), diagram);
        }
        return content;
    }

    /** In English a diagram element's name (or status) from the translations ({@code diagram.<element id>}); else the model's. */
    private static String diagramName(Component owner, String elementId) {
        if (!"en".equals(UI.getCurrent().getLocale().getLanguage())) {
            return null;
        }
        String key = "diagram." + elementId.replace(':', '.');
        String name = owner.getTranslation(key);
        return name.contains(key) ? null : name; // a missing key comes back as the key itself
    }

    private String name(String code) {
        return divisions.name(code).orElse(code);
    }
}
