package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;


/**
 * The engine checks that every entity it inserts has an id, and builds the error message — the
 * entity's whole {@code toString()} — before the check, for every insert: 8.7 % of the JVM's time
 * of an auto-opened filing (JFR, docs/benchmarks.md). This entity manager builds it only when the
 * id is missing; everything else is the engine's own.
 */
@Component
class EntityIdCheckPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // the id generator is created during the engine's init, after this plugin's preInit
        SessionFactory entityManagers = new DbEntityManagerFactory(null) {
            @Override
            public DbEntityManager openSession() {
                PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
                return new LazyMessageEntityManager(configuration, persistence);
            }
        };
        configuration.setCustomSessionFactories(EngineLists.with(configuration.getCustomSessionFactories(), entityManagers));
    }

    private static final class LazyMessageEntityManager extends DbEntityManager {

        LazyMessageEntityManager(ProcessEngineConfigurationImpl configuration, PersistenceSession persistence) {
            super(configuration.getIdGenerator(), persistence);
        }

        @Override
        protected void validateId(DbEntity entity) {
            if (entity.getId() == null) {
                super.validateId(entity);
            }
        }
    }
}
