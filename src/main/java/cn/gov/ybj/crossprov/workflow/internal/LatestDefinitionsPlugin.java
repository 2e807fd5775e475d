package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionManager;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.camunda.bpm.engine.impl.repository.ResourceDefinitionEntity;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine asks the database for the latest version of a process each time a case is started by its key,
 * and of a decision table each time a business rule task calls it: two queries of every auto-opened filing,
 * 11.7 % of its submitting threads' JVM samples (JFR, docs/benchmarks.md). Versions are deployed at start-up
 * and rarely through the REST API, so the answer is kept for {@link #KEPT}. So is the process definition the
 * engine reads by id to refresh what may change on a deployed one — its suspension state and history time to
 * live (the history of a case started takes its removal time from it; a task completed reads it too). A version
 * deployed on this node is used at once (deploying clears what is kept); one deployed on another node, and a
 * definition suspended, activated or given another time to live (Cockpit, REST) on any node, within
 * {@link #KEPT}. Definitions of a tenant are always looked up (this application has none).
 * <p>
 * The history producer also names a case's process (key, version, name) on its history rows from the process
 * definition the command has read, else from the database; with the latest version kept here a command that
 * starts a case has read none. It now takes the deployed definition, whose id, key, version and name never change.
 */
@Component
class LatestDefinitionsPlugin extends AbstractProcessEnginePlugin {

    private static final Duration KEPT = Duration.ofSeconds(5);

    private final Map<String, Kept> keptDefinitions = new ConcurrentHashMap<>();

    private record Kept(String definitionId, long untilNanos) {
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomSessionFactories(EngineLists.with(configuration.getCustomSessionFactories(),
                EngineLists.sessionFactory(ProcessDefinitionManager.class, ProcessDefinitions::new),
                EngineLists.sessionFactory(DecisionDefinitionManager.class, DecisionDefinitions::new)));
        configuration.setCustomPostDeployers(EngineLists.with(configuration.getCustomPostDeployers(),
                (Deployer) deployment -> keptDefinitions.clear()));
        if (configuration.getHistoryEventProducer() == null) {
            configuration.setHistoryEventProducer(new DeployedDefinitionHistoryProducer());
        }
    }

    /** The deployed definition kept for {@code key}, or what {@code lookUp} finds (and is then kept). */
    private <T extends ResourceDefinitionEntity<?>> T kept(String key, Function<String, T> deployed, Supplier<T> lookUp) {
        Kept kept = keptDefinitions.get(key);
        if (kept != null && kept.untilNanos() - System.nanoTime() > 0) {
            T definition = deployed.apply(kept.definitionId());
            if (definition != null) { // null: gone from the deployment cache
                return definition;
            }
        }
        T found = lookUp.get();
        if (found != null && found.getTenantId() == null) {
            keptDefinitions.put(key, new Kept(found.getId(), System.nanoTime() + KEPT.toNanos()));
        }
        return found;
    }

    private static DeploymentCache deploymentCache() {
        return Context.getProcessEngineConfiguration().getDeploymentCache();
    }

    private static class DeployedDefinitionHistoryProducer extends CacheAwareHistoryEventProducer {
        @Override
        protected ProcessDefinitionEntity getProcessDefinitionEntity(String processDefinitionId) {
            ProcessDefinitionEntity deployed = deploymentCache().findProcessDefinitionFromCache(processDefinitionId);
            return deployed != null ? deployed : super.getProcessDefinitionEntity(processDefinitionId);
        }
    }

    private class ProcessDefinitions extends ProcessDefinitionManager {
        @Override
        public ProcessDefinitionEntity findLatestDefinitionByKey(String key) {
            return kept("process:" + key, deploymentCache()::findProcessDefinitionFromCache,
                    () -> super.findLatestDefinitionByKey(key));
        }

        /** how what may change on a deployed definition is refreshed (suspension state, history time to live) */
        @Override
        public ProcessDefinitionEntity findLatestDefinitionById(String id) {
            return kept("process-id:" + id, deploymentCache()::findProcessDefinitionFromCache,
                    () -> super.findLatestDefinitionById(id));
        }
    }

    private class DecisionDefinitions extends DecisionDefinitionManager {
        /** how a business rule task finds its table (binding "latest", no tenant) */
        @Override
        public DecisionDefinitionEntity findLatestDefinitionByKeyAndTenantId(String key, String tenantId) {
            return tenantId != null ? super.findLatestDefinitionByKeyAndTenantId(key, tenantId)
                    : kept("decision:" + key, deploymentCache()::findDecisionDefinitionFromCache,
                            () -> super.findLatestDefinitionByKeyAndTenantId(key, null));
        }
    }
}
