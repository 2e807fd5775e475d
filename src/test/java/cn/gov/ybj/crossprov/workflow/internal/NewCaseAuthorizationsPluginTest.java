package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case's authorizations go when it ends ({@link NewCaseAuthorizationsPlugin}): the engine's delete is left out only
 * for a case started in the same command with none given to it there. The delete's scan of
 * {@code act_ru_authorization} is counted by PostgreSQL inside the starting transaction.
 */
@SpringBootTest
@ActiveProfiles("test")
class NewCaseAuthorizationsPluginTest {

    private static final String ONE_STEP = "new-case-authorizations-one-step";
    private static final String GRANTING = "new-case-authorizations-granting";
    private static final String WAITING = "new-case-authorizations-waiting";

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void undeploy() {
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    }

    @Test
    void aCaseStartedAndEndedInOneCommandSendsNoDeleteOfAuthorizations() {
        deploy(ONE_STEP, Bpmn.createExecutableProcess(ONE_STEP).camundaHistoryTimeToLive(1).startEvent().endEvent().done());

        Scanned started = startScanned(ONE_STEP);

        assertThat(started.ended()).isTrue();
        assertThat(started.scans()).isZero();
    }

    @Test
    void anAuthorizationGivenToACaseInTheCommandThatStartsAndEndsItIsDeletedWithIt() {
        deploy(GRANTING, Bpmn.createExecutableProcess(GRANTING).camundaHistoryTimeToLive(1).startEvent()
                .camundaExecutionListenerClass("start", GrantRead.class.getName()).endEvent().done());

        Scanned started = startScanned(GRANTING);

        assertThat(started.ended()).isTrue();
        assertThat(started.scans()).isPositive();
        assertThat(authorizationsOf(started.instanceId())).isZero();
    }

    @Test
    void anAuthorizationOfACaseThatEndsInALaterCommandIsDeletedWithIt() {
        deploy(WAITING, Bpmn.createExecutableProcess(WAITING).camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait")
                .endEvent().done());
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(WAITING);
        grantRead(engine.getAuthorizationService(), instance.getId());
        assertThat(authorizationsOf(instance.getId())).isOne();

        engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
                .processInstanceId(instance.getId()).singleResult().getId());

        assertThat(authorizationsOf(instance.getId())).isZero();
    }

    private record Scanned(String instanceId, boolean ended, long scans) {
    }

    /** Starts a case and counts the scans of the authorization table in the same transaction. */
    private Scanned startScanned(String key) {
        return new TransactionTemplate(transactions).execute(s -> {
            long before = scans();
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(key);
            return new Scanned(instance.getId(), instance.isEnded(), scans() - before);
        });
    }

    private long scans() {
        return jdbc.sql("""
                        SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_xact_user_tables
                        WHERE relname = 'act_ru_authorization'""")
                .query(Long.class).single();
    }

    private long authorizationsOf(String instanceId) {
        return engine.getAuthorizationService().createAuthorizationQuery()
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(instanceId).count();
    }

    private void deploy(String key, BpmnModelInstance model) {
        deployments.add(engine.getRepositoryService().createDeployment().name(key)
                .addModelInstance(key + ".bpmn", model).deploy().getId());
    }

    static void grantRead(AuthorizationService authorizations, String instanceId) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setUserId("case-viewer");
        read.setResource(Resources.PROCESS_INSTANCE);
        read.setResourceId(instanceId);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }

    /** Gives the case being started an authorization, in the command that starts it. */
    public static class GrantRead implements ExecutionListener {
        @Override
        public void notify(DelegateExecution execution) {
            grantRead(execution.getProcessEngineServices().getAuthorizationService(), execution.getProcessInstanceId());
        }
    }
}
