package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionManager;
import org.springframework.stereotype.Component;

/**
 * When a case ends, the engine deletes its authorizations ({@code ACT_RU_AUTHORIZATION}, by resource id): a statement
 * and a round trip of every auto-opened filing, whose case starts and ends in the submitting command. A case started
 * in this command has an id no earlier command knew, so the only authorizations it can have are ones inserted in this
 * command — none from the default authorization provider, which gives cases none. For such a case the delete is
 * left out; any other case's is the engine's own.
 */
@Component
class NewCaseAuthorizationsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomSessionFactories(EngineLists.with(configuration.getCustomSessionFactories(),
                EngineLists.sessionFactory(ExecutionManager.class, Executions::new)));
    }

    private static class Executions extends ExecutionManager {

        @Override
        public void deleteExecution(ExecutionEntity execution) {
            if (execution.isProcessInstanceExecution() && startedInThisCommand(execution)
                    && noAuthorizationInsertedFor(execution.getProcessInstanceId())) {
                getDbEntityManager().delete(execution);
            } else {
                super.deleteExecution(execution);
            }
        }

        private boolean startedInThisCommand(ExecutionEntity execution) {
            CachedDbEntity cached = getDbEntityManager().getDbEntityCache().getCachedEntity(execution);
            return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
        }

        private boolean noAuthorizationInsertedFor(String processInstanceId) {
            return getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
                    .noneMatch(a -> a.getResourceType() == Resources.PROCESS_INSTANCE.resourceType()
                            && processInstanceId.equals(a.getResourceId()));
        }
    }
}
