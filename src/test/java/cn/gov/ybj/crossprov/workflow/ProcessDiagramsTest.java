package cn.gov.ybj.crossprov.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The diagram of {@code bpmn/chronic-institution-choice.bpmn} drawn for a running and a finished
 * instance, parsed back as XML. The samples are written to {@code target/diagrams/} to look at.
 */
@Deployment(resources = {"bpmn/chronic-institution-choice.bpmn", "forms/chronic-choice-review.form"})
class ProcessDiagramsTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    /** Stand-in for the filing module's steps bean: only the due date of the review matters here. */
    public static class Steps {
        public void startReview(DelegateExecution e) {
            e.setVariable("reviewDue", new Date(System.currentTimeMillis() + 86_400_000L));
        }

        public void approve(DelegateExecution e) {
        }

        public void refuse(DelegateExecution e) {
        }

        public void escalate(DelegateExecution e) {
        }
    }

    private ProcessDiagrams diagrams;

    @BeforeEach
    void setUp() {
        Mocks.register("chronicChoiceSteps", new Steps());
        diagrams = new ProcessDiagrams(engine.getRepositoryService(), engine.getHistoryService());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void marksTheStepsARunningAndThenAFinishedInstanceHasPassed() throws Exception {
        Map<String, Object> v = new HashMap<>();
        v.put("filingId", "f-1");
        v.put("requestId", "c-1");
        v.put("reviewGroup", "area-350200");
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("chronic-institution-choice", "c-1", v);

        String running = diagrams.svgForInstance(pi.getId());
        write("chronic-choice-running.svg", running);
        Document svg = parse(running);
        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("font-family")).isEqualTo("Noto Sans SC, sans-serif");
        assertThat(text(root, "title")).isEqualTo("门诊慢特病医疗机构选择");
        assertThat(running).doesNotContain("href", "<image", "<script", "@import");

        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(pi.getProcessDefinitionId());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            Element g = element(svg, node.getId());
            assertThat(g).as("<g> of %s", node.getId()).isNotNull();
            assertThat(text(g, "title")).isEqualTo(node.getName());
        }
        assertThat(status(svg, "StartEvent_ChoiceSubmitted")).isEqualTo("completed");
        assertThat(status(svg, "Task_StartChoiceReview")).isEqualTo("completed");
        assertThat(status(svg, "Task_ReviewChoice")).isEqualTo("active");
        assertThat(status(svg, "Gateway_ChoiceApproved")).isEqualTo("pending");
        assertThat(status(svg, "BoundaryEvent_ChoiceReviewOverdue")).isEqualTo("pending");
        for (String end : List.of("EndEvent_ChoiceApproved", "EndEvent_ChoiceRefused", "EndEvent_ChoiceReviewEscalated")) {
            assertThat(status(svg, end)).as(end).isEqualTo("pending");
        }
        assertThat(status(svg, "Flow_ToReview")).isEqualTo("completed");
        assertThat(status(svg, "Flow_Reviewed")).isEqualTo("pending");
        // the task a clerk works now is blue, with its name wrapped inside the box
        Element review = element(svg, "Task_ReviewChoice");
        Element box = (Element) review.getElementsByTagNameNS("*", "rect").item(0);
        assertThat(box.getAttribute("stroke")).isEqualTo("#1565c0");
        assertThat(box.getAttribute("fill")).isEqualTo("#e3f2fd");
        assertThat(texts(review)).containsExactly("审核门诊慢特病", "医疗机构选择");
        assertThat(((Element) element(svg, "Task_StartChoiceReview").getElementsByTagNameNS("*", "rect").item(0))
                .getAttribute("stroke")).isEqualTo("#2e7d32");
        assertThat(texts(element(svg, "Flow_Approved"))).containsExactly("通过");
        String[] viewBox = root.getAttribute("viewBox").split(" ");
        assertThat(Double.parseDouble(viewBox[0])).isLessThan(102);  // the start event's left edge
        assertThat(Double.parseDouble(viewBox[0]) + Double.parseDouble(viewBox[2])).isGreaterThan(988); // the end events' right edge
        assertThat(Double.parseDouble(viewBox[1]) + Double.parseDouble(viewBox[3])).isGreaterThan(470); // the escalation task's bottom

        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
        engine.getTaskService().complete(taskId, Map.of("decision", "APPROVE", "reviewer", "clerks:xm-reviewer"));

        String finished = diagrams.svgForInstance(pi.getId());
        write("chronic-choice-finished.svg", finished);
        Document done = parse(finished);
        assertThat(status(done, "EndEvent_ChoiceApproved")).isEqualTo("completed");
        assertThat(status(done, "Task_ReviewChoice")).isEqualTo("completed");
        assertThat(status(done, "Flow_Approved")).isEqualTo("completed");
        assertThat(status(done, "Flow_Refused")).isEqualTo("pending");
        assertThat(status(done, "Task_RefuseChoice")).isEqualTo("pending");
        assertThat(finished).doesNotContain("class=\"active\"");

        // a screen in English gives its own names: they replace the model's where given, the rest stay
        Document english = parse(diagrams.svgForInstance(pi.getId(),
                id -> id.equals("Task_ReviewChoice") ? "Review the choice" : id.equals("chronic-institution-choice") ? "Choice" : null));
        assertThat(text(english.getDocumentElement(), "title")).isEqualTo("Choice");
        assertThat(text(element(english, "Task_ReviewChoice"), "title")).isEqualTo("Review the choice");
        assertThat(text(element(english, "Gateway_ChoiceApproved"), "title"))
                .isEqualTo(model.getModelElementById("Gateway_ChoiceApproved").getAttributeValue("name"));
    }

    @Test
    void escapesNamesAndDrawsGivenStatusesForAnyDefinition() throws Exception {
        BpmnModelInstance model = Bpmn.createExecutableProcess("escape-test").name("A & <B> \"引号\"")
                .camundaHistoryTimeToLive(1)
                .startEvent("start").name("开始 & <开始>")
                .userTask("task").name("核对 <材料> & '签章' 并登记")
                .endEvent("end")
                .done();
        org.camunda.bpm.engine.repository.Deployment deployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("escape-test.bpmn", model).deploy();
        engine.manageDeployment(deployment);
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("escape-test").singleResult().getId();

        Document svg = parse(diagrams.svg(definitionId, Set.of("start"), Set.of("task")));
        assertThat(text(svg.getDocumentElement(), "title")).isEqualTo("A & <B> \"引号\"");
        assertThat(text(element(svg, "start"), "title")).isEqualTo("开始 & <开始>");
        assertThat(text(element(svg, "task"), "title")).isEqualTo("核对 <材料> & '签章' 并登记");
        assertThat(status(svg, "start")).isEqualTo("completed");
        assertThat(status(svg, "task")).isEqualTo("active");
        assertThat(status(svg, "end")).isEqualTo("pending");
    }

    @Test
    void namesWrapIntoEvenLinesWithoutBreakingAtPunctuation() {
        assertThat(ProcessDiagrams.wrap("确认选定医疗机构", 9)).containsExactly("确认选定医疗机构");
        assertThat(ProcessDiagrams.wrap("记录审核未通过及原因", 9)).containsExactly("记录审核未", "通过及原因");
        assertThat(ProcessDiagrams.wrap("转经办审核（两个工作日）", 9)).containsExactly("转经办审核", "（两个工作日）");
        assertThat(ProcessDiagrams.wrap("审核通过，进入", 4)).containsExactly("审核通过，", "进入");
        assertThat(ProcessDiagrams.wrap("上报\n国家备案库", 9)).containsExactly("上报", "国家备案库");
        assertThat(ProcessDiagrams.wrap(null, 9)).isEmpty();
    }

    @Test
    void anUnknownInstanceIsRefused() {
        assertThatThrownBy(() -> diagrams.svgForInstance("no-such-instance"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-instance");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static Element element(Document svg, String bpmnId) {
        NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("data-element-id").equals(bpmnId)) {
                return g;
            }
        }
        return null;
    }

    private static String status(Document svg, String bpmnId) {
        Element g = element(svg, bpmnId);
        assertThat(g).as("<g> of %s", bpmnId).isNotNull();
        return g.getAttribute("class");
    }

    /** The first direct child of that name. */
    private static String text(Element parent, String child) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(child)) {
                return e.getTextContent();
            }
        }
        return null;
    }

    private static List<String> texts(Element g) {
        NodeList nodes = g.getElementsByTagNameNS("*", "text");
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
    }

    private static void write(String name, String svg) throws Exception {
        Path file = Files.createDirectories(Path.of("target/diagrams")).resolve(name);
        Files.writeString(file, svg, StandardCharsets.UTF_8);
    }
}
