package cn.gov.ybj.crossprov.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.springframework.stereotype.Service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The BPMN diagram of a deployed process as SVG, with a case's progress marked: drawn server-side
 * from the model's own diagram interchange (the shapes' {@code dc:Bounds} and the flows'
 * {@code di:waypoint}s as the modeler laid them out), so what a clerk sees is the real model.
 * Completed steps are green, the steps the case is at blue (the seed's 「蓝色字内容为当前办理节点」),
 * the rest grey.
 * <p>
 * Every element is a {@code <g data-element-id="<bpmn id>" class="completed|active|pending">}
 * holding a {@code <title>} with its name (a {@code <desc>} says 已完成 / 当前办理 / 未办理 for
 * screen readers). A sequence flow counts as taken when its source is completed and its target
 * completed or active (the engine keeps no history of flows). The SVG has no XML declaration and
 * no external resources: it can be inlined in a page (with Vaadin's {@code Svg} component) or served as
 * {@code image/svg+xml}.
 */
@Service
public class ProcessDiagrams {

    enum Status {
        COMPLETED("completed", "#2e7d32", "#e8f5e9", "#1b5e20", 2, "已完成"),
        ACTIVE("active", "#1565c0", "#e3f2fd", "#1565c0", 3, "当前办理"),
        PENDING("pending", "#9e9e9e", "#fafafa", "#616161", 1.5, "未办理");

        final String css;
        final String stroke;
        final String fill;
        final String text;
        final double width;
        final String spoken;

        Status(String css, String stroke, String fill, String text, double width, String spoken) {
            this.css = css;
            this.stroke = stroke;
            this.fill = fill;
            this.text = text;
            this.width = width;
            this.spoken = spoken;
        }
    }

    private static final double FONT = 12;
    private static final double LINE = 15;
    private static final double MARGIN = 20;
    /** Characters that must not start a line: they stay at the end of the one before. */
    private static final String CLOSING = "，。、；：！？）》」』】,.;:!?)";
    /** Characters that must not end a line: they go to the start of the next. */
    private static final String OPENING = "（《「『【(";

    private final RepositoryService repository;
    private final HistoryService history;

    ProcessDiagrams(RepositoryService repository, HistoryService history) {
        this.repository = repository;
        this.history = history;
    }

    /**
     * The diagram of a process instance, running or finished: the activities it has left are
     * completed, those it is in are active. Activities that were cancelled (an interrupting event,
     * a deleted instance) are not counted as completed.
     */
    public String svgForInstance(String processInstanceId) {
        return svgForInstance(processInstanceId, id -> null);
    }

    /**
     * The same, with the names {@code names} gives by element id (the process's by its key, a status by
     * {@code status:completed}, {@code status:active}, {@code status:pending}) where it gives one — the model's own
     * (Chinese) names elsewhere: a screen in English passes its translations.
     */
    public String svgForInstance(String processInstanceId, UnaryOperator<String> names) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            throw new IllegalArgumentException("no process instance " + processInstanceId);
        }
        Set<String> completed = new HashSet<>();
        Set<String> active = new HashSet<>();
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            if (a.getEndTime() == null) {
                active.add(a.getActivityId());
            } else if (!a.isCanceled()) {
                completed.add(a.getActivityId());
            }
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
        completed.addAll(passedExclusiveGateways(model, completed, active));
        return svg(instance.getProcessDefinitionId(), model, completed, active, names);
    }

    /**
     * The engine's history keeps no row for an exclusive gateway's pass (history level {@code case-full}):
     * one counts as passed when it lies between a completed element and a completed or active one, with
     * only exclusive gateways between them.
     */
    private static Set<String> passedExclusiveGateways(BpmnModelInstance model, Set<String> completed, Set<String> active) {
        Set<String> afterCompleted = reachable(model, true, completed::contains);
        Set<String> beforeReached = reachable(model, false, id -> completed.contains(id) || active.contains(id));
        afterCompleted.retainAll(beforeReached);
        return afterCompleted;
    }

    /** Exclusive gateways reached from a {@code start} element that is not one, along the flows or against them. */
    private static Set<String> reachable(BpmnModelInstance model, boolean forward, Predicate<String> start) {
        Function<SequenceFlow, FlowNode> from = forward ? SequenceFlow::getSource : SequenceFlow::getTarget;
        Function<SequenceFlow, FlowNode> to = forward ? SequenceFlow::getTarget : SequenceFlow::getSource;
        Set<String> reached = new HashSet<>();
        Deque<FlowNode> todo = new ArrayDeque<>();
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (to.apply(flow) instanceof ExclusiveGateway && !(from.apply(flow) instanceof ExclusiveGateway)
                    && start.test(from.apply(flow).getId())) {
                todo.push(to.apply(flow));
            }
        }
        while (!todo.isEmpty()) {
            FlowNode gateway = todo.pop();
            if (reached.add(gateway.getId())) {
                for (SequenceFlow flow : forward ? gateway.getOutgoing() : gateway.getIncoming()) {
                    if (to.apply(flow) instanceof ExclusiveGateway next) {
                        todo.push(next);
                    }
                }
            }
        }
        return reached;
    }

    /** The diagram of a deployed process definition; an id both completed and active is drawn active. */
    public String svg(String processDefinitionId, Set<String> completedActivityIds, Set<String> activeActivityIds) {
        return svg(processDefinitionId, repository.getBpmnModelInstance(processDefinitionId), completedActivityIds,
                activeActivityIds, id -> null);
    }

    private String svg(String processDefinitionId, BpmnModelInstance model, Set<String> completedActivityIds,
                       Set<String> activeActivityIds, UnaryOperator<String> names) {
        ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
        Set<String> completed = Objects.requireNonNullElse(completedActivityIds, Set.of());
        Set<String> active = Objects.requireNonNullElse(activeActivityIds, Set.of());
        Canvas canvas = new Canvas(completed, active, names);
        // flows first: shapes and their labels lie over a flow's ends, arrowheads stop at the shapes' edges
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnElement() != null && edge.getWaypoints().size() >= 2) {
                canvas.edge(edge);
            }
        }
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() != null && shape.getBounds() != null) {
                canvas.shape(shape);
            }
        }
        String title = Objects.requireNonNullElse(names.apply(definition.getKey()),
                definition.getName() != null ? definition.getName() : definition.getKey());
        return canvas.svg(title);
    }

    /** The SVG body and the extent of everything drawn. */
    private static final class Canvas {

        private final Set<String> completed;
        private final Set<String> active;
        private final UnaryOperator<String> names;
        private final StringBuilder body = new StringBuilder();
        private double minX = Double.MAX_VALUE;
        private double minY = Double.MAX_VALUE;
        private double maxX = -Double.MAX_VALUE;
        private double maxY = -Double.MAX_VALUE;

        Canvas(Set<String> completed, Set<String> active, UnaryOperator<String> names) {
            this.completed = completed;
            this.active = active;
            this.names = names;
        }

        /** The element's name as the caller gives it, else the model's; null for none. */
        private String name(BaseElement element) {
            String given = names.apply(element.getId());
            return given != null ? given : element.getAttributeValue("name");
        }

        Status status(String id) {
            return active.contains(id) ? Status.ACTIVE : completed.contains(id) ? Status.COMPLETED : Status.PENDING;
        }

        void shape(BpmnShape shape) {
            BaseElement element = shape.getBpmnElement();
            Bounds b = shape.getBounds();
            double x = b.getX(), y = b.getY(), w = b.getWidth(), h = b.getHeight();
            double cx = x + w / 2, cy = y + h / 2;
            Status s = status(element.getId());
            String name = name(element);
            open(element.getId(), s, name);
            include(x, y);
            include(x + w, y + h);
            if (element instanceof Event) {
                double r = Math.min(w, h) / 2;
                String dash = element instanceof BoundaryEvent boundary && !boundary.cancelActivity()
                        ? " stroke-dasharray=\"4 2\"" : "";
                double width = element instanceof EndEvent ? 4 : s.width;
                circle(cx, cy, r, s.fill, s.stroke, width, dash);
                if (!(element instanceof StartEvent) && !(element instanceof EndEvent)) {
                    circle(cx, cy, r - 3, "none", s.stroke, 1, dash);
                }
                if (!element.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
                    clock(cx, cy, r * 0.55, s);
                }
                labelBelow(name, cx, y + h + 4, s);
            } else if (element instanceof Gateway) {
                body.append("<polygon points=\"").append(n(cx)).append(',').append(n(y)).append(' ')
                        .append(n(x + w)).append(',').append(n(cy)).append(' ').append(n(cx)).append(',')
                        .append(n(y + h)).append(' ').append(n(x)).append(',').append(n(cy)).append('"')
                        .append(paint(s.fill, s.stroke, s.width)).append("/>");
                double m = Math.min(w, h) / 5;
                if (element instanceof ExclusiveGateway && shape.isMarkerVisible()) {
                    line(cx - m, cy - m, cx + m, cy + m, s.stroke, 3);
                    line(cx - m, cy + m, cx + m, cy - m, s.stroke, 3);
                } else if (element instanceof ParallelGateway) {
                    line(cx, cy - m * 1.4, cx, cy + m * 1.4, s.stroke, 3);
                    line(cx - m * 1.4, cy, cx + m * 1.4, cy, s.stroke, 3);
                }
                labelBelow(name, cx, y + h + 4, s);
            } else if (element instanceof Activity && !(element instanceof SubProcess && shape.isExpanded())) {
                body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                        .append("\" height=\"").append(n(h)).append("\" rx=\"10\" ry=\"10\"")
                        .append(paint(s.fill, s.stroke, s.width)).append("/>");
                List<String> lines = wrap(name, Math.max(2, (w - 8) / FONT));
                text(lines, cx, cy - (lines.size() - 1) * LINE / 2, "middle", s.text, false);
            } else {
                // pools, lanes, expanded sub-processes, annotations: an outline (the flows inside stay
                // visible) with the name inside, top left
                body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                        .append("\" height=\"").append(n(h)).append('"').append(paint("none", s.stroke, 1)).append("/>");
                text(wrap(name, Math.max(2, (w - 8) / FONT)), x + 6, y + 6 + LINE / 2, "start", s.text, false);
            }
            body.append("</g>\n");
        }

        void edge(BpmnEdge edge) {
            BaseElement element = edge.getBpmnElement();
            boolean sequenceFlow = element instanceof SequenceFlow;
            Status s = element instanceof SequenceFlow flow && status(flow.getSource().getId()) == Status.COMPLETED
                    && status(flow.getTarget().getId()) != Status.PENDING ? Status.COMPLETED : Status.PENDING;
            String name = name(element);
            open(element.getId(), s, name == null && element instanceof SequenceFlow flow ? label(flow) : name);
            List<double[]> points = new ArrayList<>();
            StringBuilder coordinates = new StringBuilder();
            for (Waypoint p : edge.getWaypoints()) {
                points.add(new double[] {p.getX(), p.getY()});
                include(p.getX(), p.getY());
                coordinates.append(coordinates.isEmpty() ? "" : " ").append(n(p.getX())).append(',').append(n(p.getY()));
            }
            body.append("<polyline points=\"").append(coordinates).append('"')
                    .append(paint("none", s.stroke, s == Status.COMPLETED ? 2 : 1.5))
                    .append(sequenceFlow ? " marker-end=\"url(#pd-arrow-" + s.css + ")\"" : " stroke-dasharray=\"6 4\"")
                    .append("/>");
            if (name != null && !name.isBlank()) {
                double[] mid = midpoint(points);
                List<String> lines = wrap(name, 10);
                if (mid[2] > 0) { // horizontal segment: above the line
                    text(lines, mid[0], mid[1] - 8 - (lines.size() - 1) * LINE, "middle", s.text, true);
                } else { // vertical segment: right of the line
                    text(lines, mid[0] + 6, mid[1] - (lines.size() - 1) * LINE / 2, "start", s.text, true);
                }
            }
            body.append("</g>\n");
        }

        /** An unnamed flow is announced by where it goes: 「转经办审核 → 审核门诊慢特病医疗机构选择」. */
        private String label(SequenceFlow flow) {
            return Objects.requireNonNullElse(name(flow.getSource()), flow.getSource().getId()) + " → "
                    + Objects.requireNonNullElse(name(flow.getTarget()), flow.getTarget().getId());
        }

        private void open(String id, Status s, String title) {
            body.append("<g data-element-id=\"").append(xml(id)).append("\" class=\"").append(s.css).append("\">")
                    .append("<title>").append(xml(title == null || title.isBlank() ? id : title)).append("</title>")
                    .append("<desc>").append(xml(spoken(s))).append("</desc>");
        }

        /** The status as read aloud: the caller's name for {@code status:<css class>}, else the Chinese. */
        private String spoken(Status s) {
            String given = names.apply("status:" + s.css);
            return given != null ? given : s.spoken;
        }

        private void labelBelow(String name, double cx, double top, Status s) {
            List<String> lines = wrap(name, 10);
            text(lines, cx, top + LINE / 2, "middle", s.text, true);
        }

        /** Lines centred vertically on y, y + LINE, …; {@code halo}: a white outline so a label on a line stays legible. */
        private void text(List<String> lines, double x, double y, String anchor, String colour, boolean halo) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                double ly = y + i * LINE;
                double width = ems(line) * FONT;
                double left = anchor.equals("middle") ? x - width / 2 : x;
                include(left, ly - LINE / 2);
                include(left + width, ly + LINE / 2);
                body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(ly))
                        .append("\" text-anchor=\"").append(anchor).append("\" dominant-baseline=\"central\" fill=\"")
                        .append(colour).append('"')
                        .append(halo ? " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" : "")
                        .append('>').append(xml(line)).append("</text>");
            }
        }

        private void circle(double cx, double cy, double r, String fill, String stroke, double width, String extra) {
            body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                    .append('"').append(paint(fill, stroke, width)).append(extra).append("/>");
        }

        /** A small clock face with two hands: the mark of a timer event. */
        private void clock(double cx, double cy, double r, Status s) {
            circle(cx, cy, r, "#ffffff", s.stroke, 1.5, "");
            line(cx, cy, cx, cy - r * 0.75, s.stroke, 1.5);
            line(cx, cy, cx + r * 0.55, cy, s.stroke, 1.5);
        }

        private void line(double x1, double y1, double x2, double y2, String stroke, double width) {
            body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                    .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke)
                    .append("\" stroke-width=\"").append(n(width)).append("\" stroke-linecap=\"round\"/>");
        }

        private void include(double x, double y) {
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }

        String svg(String title) {
            if (minX > maxX) { // a model without diagram interchange
                include(0, 0);
            }
            double x = minX - MARGIN, y = minY - MARGIN, w = maxX - minX + 2 * MARGIN, h = maxY - minY + 2 * MARGIN;
            StringBuilder svg = new StringBuilder()
                    .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"").append(n(x)).append(' ').append(n(y))
                    .append(' ').append(n(w)).append(' ').append(n(h)).append("\" width=\"").append(n(w))
                    .append("\" height=\"").append(n(h)).append("\" role=\"img\" font-family=\"Noto Sans SC, sans-serif\"")
                    .append(" font-size=\"").append(n(FONT)).append("\">\n")
                    .append("<title>").append(xml(title)).append("</title>\n<defs>");
            for (Status s : Status.values()) {
                svg.append("<marker id=\"pd-arrow-").append(s.css).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
                        .append(" markerWidth=\"10\" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
                        .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(s.stroke).append("\"/></marker>");
            }
            return svg.append("</defs>\n").append(body).append("</svg>\n").toString();
        }
    }

    /** The point halfway along the polyline, and 1 when it lies on a mostly horizontal segment. */
    static double[] midpoint(List<double[]> points) {
        double total = 0;
        for (int i = 1; i < points.size(); i++) {
            total += Math.hypot(points.get(i)[0] - points.get(i - 1)[0], points.get(i)[1] - points.get(i - 1)[1]);
        }
        double left = total / 2;
        for (int i = 1; i < points.size(); i++) {
            double[] a = points.get(i - 1), b = points.get(i);
            double length = Math.hypot(b[0] - a[0], b[1] - a[1]);
            if (length >= left && length > 0) {
                double t = left / length;
                boolean horizontal = Math.abs(b[0] - a[0]) >= Math.abs(b[1] - a[1]);
                return new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), horizontal ? 1 : 0};
            }
            left -= length;
        }
        double[] last = points.get(points.size() - 1);
        return new double[] {last[0], last[1], 1};
    }

    /**
     * Breaks a name into lines of at most {@code maxEms} ems (a Chinese character is one em, Latin
     * letters and digits about half), as even in length as that many lines allow; closing
     * punctuation stays on the line before, opening punctuation goes to the next. Line breaks in
     * the name are kept.
     */
    static List<String> wrap(String text, double maxEms) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return lines;
        }
        for (String paragraph : text.strip().split("\\R")) {
            List<String> greedy = fill(paragraph, maxEms);
            List<String> even = fill(paragraph, Math.ceil(ems(paragraph) / greedy.size()));
            lines.addAll(even.size() == greedy.size() ? even : greedy);
        }
        return lines;
    }

    private static List<String> fill(String paragraph, double maxEms) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double used = 0;
        for (int i = 0; i < paragraph.length(); i += Character.charCount(paragraph.codePointAt(i))) {
            int cp = paragraph.codePointAt(i);
            if (used + ems(cp) > maxEms && !line.isEmpty() && CLOSING.indexOf(cp) < 0) {
                int last = line.codePointBefore(line.length());
                String carry = OPENING.indexOf(last) >= 0 && line.length() > 1 ? Character.toString(last) : "";
                line.setLength(line.length() - carry.length());
                lines.add(line.toString().strip());
                line.setLength(0);
                line.append(carry);
                used = ems(carry);
            }
            line.appendCodePoint(cp);
            used += ems(cp);
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    private static double ems(String text) {
        return text.codePoints().mapToDouble(ProcessDiagrams::ems).sum();
    }

    private static double ems(int codePoint) {
        return codePoint >= 0x2E80 ? 1 : 0.6;
    }

    private static String paint(String fill, String stroke, double width) {
        return " fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"" + n(width) + "\"";
    }

    private static String n(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Text and attribute values escaped for XML; characters XML cannot hold are dropped. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\t', '\n', '\r' -> out.append(' ');
                default -> {
                    if (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
