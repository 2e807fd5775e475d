package cn.gov.ybj.crossprov.transfer;

import cn.gov.ybj.crossprov.insured.InsuranceRegistry;
import cn.gov.ybj.crossprov.workflow.Reviews;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;

/**
 * The local run's demo data ({@code app.demo-data.enabled}): one transfer in progress for the local run — 郑丽华 (DEMO person,
 * 厦门 350200) moving to 北京市朝阳区 110105, reviewed by the out-area and waiting for its transfer-out
 * in xm-reviewer's inbox. Started once: a person who has any transfer case is left alone.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "app.demo-data.enabled", havingValue = "true")
@Order(40) // after the demo registry (20) and the demo accounts
class DemoTransferLoader implements ApplicationRunner {

    static final String PERSON = "110105198710030263";
    private static final Logger log = LoggerFactory.getLogger(DemoTransferLoader.class);

    private final TransferCases transfers;
    private final TransferCaseRepository cases;
    private final InsuranceRegistry registry;
    private final TaskService tasks;

    DemoTransferLoader(TransferCases transfers, TransferCaseRepository cases, InsuranceRegistry registry, TaskService tasks) {
        this.transfers = transfers;
        this.cases = cases;
        this.registry = registry;
        this.tasks = tasks;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var person = registry.find(PERSON).orElse(null);
        if (person == null || !cases.findByPersonIdNumberInOrderBySubmittedAtDesc(java.util.List.of(PERSON)).isEmpty()) {
            return;
        }
        TransferCase c = transfers.start(transfers.preview(Direction.OUT, person, person.poolingAreaCode(), "110105"),
                person, "demo", "19371029070");
        // the out-area has approved it: the transfer-out waits in its inbox
        String review = tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).singleResult().getId();
        tasks.complete(review, Map.of(Reviews.DECISION, "APPROVE", Reviews.REVIEWER, "clerks:xm-reviewer"));
        log.info("Demo transfer {} started: {} → 110105, waiting for the transfer-out", c.getSerialNo(), person.poolingAreaCode());
    }
}
