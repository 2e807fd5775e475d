package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionManager;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
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
 * and rarely through the REST API, so the answer is kept for {@link #KEPT}: a version deployed on this node
 * is used at once (deploying clears what is kept); one deployed on another node, and a definition suspended or
 * activated (Cockpit) on any node, within {@link #KEPT}. Definitions of a tenant are always looked up (this
 * application has none).
 */
@Component
class LatestDefinitionsPlugin extends AbstractProcessEnginePlugin {

    private static final Duration KEPT = Duration.ofSeconds(5);

    private final Map<String, Kept> latest = new ConcurrentHashMap<>();

    private record Kept(String definitionId, long untilNanos) {
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomSessionFactories(EngineLists.with(configuration.getCustomSessionFactories(),
                factory(ProcessDefinitionManager.class, ProcessDefinitions::new),
                factory(DecisionDefinitionManager.class, DecisionDefinitions::new)));
        configuration.setCustomPostDeployers(EngineLists.with(configuration.getCustomPostDeployers(),
                (Deployer) deployment -> latest.clear()));
    }

    private static SessionFactory factory(Class<?> type, Supplier<Session> manager) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return manager.get();
            }
        };
    }

    /** The deployed definition kept for {@code key}, or what {@code lookUp} finds (and is then kept). */
    private <T extends ResourceDefinitionEntity<?>> T latest(String key, Function<String, T> deployed, Supplier<T> lookUp) {
        Kept kept = latest.get(key);
        if (kept != null && kept.untilNanos() - System.nanoTime() > 0) {
            T definition = deployed.apply(kept.definitionId());
            if (definition != null) { // null: gone from the deployment cache
                return definition;
            }
        }
        T found = lookUp.get();
        if (found != null && found.getTenantId() == null) {
            latest.put(key, new Kept(found.getId(), System.nanoTime() + KEPT.toNanos()));
        }
        return found;
    }

    private static DeploymentCache deploymentCache() {
        return Context.getProcessEngineConfiguration().getDeploymentCache();
    }

    private class ProcessDefinitions extends ProcessDefinitionManager {
        @Override
        public ProcessDefinitionEntity findLatestDefinitionByKey(String key) {
            return latest("process:" + key, deploymentCache()::findProcessDefinitionFromCache,
                    () -> super.findLatestDefinitionByKey(key));
        }
    }

    private class DecisionDefinitions extends DecisionDefinitionManager {
        /** how a business rule task finds its table (binding "latest", no tenant) */
        @Override
        public DecisionDefinitionEntity findLatestDefinitionByKeyAndTenantId(String key, String tenantId) {
            return tenantId != null ? super.findLatestDefinitionByKeyAndTenantId(key, tenantId)
                    : latest("decision:" + key, deploymentCache()::findDecisionDefinitionFromCache,
                            () -> super.findLatestDefinitionByKeyAndTenantId(key, null));
        }
    }
}
