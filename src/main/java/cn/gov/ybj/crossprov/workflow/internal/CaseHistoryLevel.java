package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * History level {@code case-full} (application.yml): Camunda's {@code full} without the two kinds of row no
 * screen reads — an exclusive gateway's pass (four of an auto-opened filing's nine activity rows) and a variable's
 * value at each change ({@code ACT_HI_DETAIL}; each variable's current value stays in {@code ACT_HI_VARINST}).
 * Tasks, decisions with their inputs and outputs, incidents, jobs and the operation log are kept as in
 * {@code full}. A progress diagram draws such a gateway between passed steps as passed
 * ({@code ProcessDiagrams}). A database last run with {@code full} is switched at start-up (and back when
 * {@code full} is configured again): both keep the same tables, so the switch is only the engine's record
 * of it; any other switch is left to the engine, which refuses to start.
 */
@Component
class CaseHistoryLevel extends AbstractHistoryLevel {

    private static final String NAME = "case-full";
    private static final int ID = 31;
    private static final Logger LOG = LoggerFactory.getLogger(CaseHistoryLevel.class);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
            return false;
        }
        // entity null: the engine asks while parsing a model, whether to listen at all
        if ((eventType == HistoryEventTypes.ACTIVITY_INSTANCE_START || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_END)
                && entity instanceof ExecutionEntity execution) {
            ActivityImpl activity = execution.getActivity();
            return activity == null || !"exclusiveGateway".equals(activity.getProperty("type"));
        }
        return true;
    }

    @Component
    static class Plugin extends AbstractProcessEnginePlugin {

        private final CaseHistoryLevel level;

        Plugin(CaseHistoryLevel level) {
            this.level = level;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            configuration.setCustomHistoryLevels(EngineLists.with(configuration.getCustomHistoryLevels(), level));
        }

        /** Before the engine compares the configured level with the database's. */
        @Override
        public void postInit(ProcessEngineConfigurationImpl configuration) {
            HistoryLevel configured = configuration.getHistoryLevel();
            if (configured == null || !"postgres".equals(configuration.getDatabaseType())
                    || (configured.getId() != ID && configured.getId() != HistoryLevel.HISTORY_LEVEL_FULL.getId())) {
                return;
            }
            String other = String.valueOf(configured.getId() == ID ? HistoryLevel.HISTORY_LEVEL_FULL.getId() : ID);
            try (Connection c = configuration.getDataSource().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT to_regclass('act_ge_property') IS NOT NULL")) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return; // a new database: the engine records the configured level itself
                    }
                }
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE act_ge_property SET value_ = ?, rev_ = rev_ + 1 WHERE name_ = 'historyLevel' AND value_ = ?")) {
                    update.setString(1, String.valueOf(configured.getId()));
                    update.setString(2, other);
                    if (update.executeUpdate() > 0) {
                        LOG.info("engine history level of the database switched to {} (id {})", configured.getName(), configured.getId());
                    }
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read or switch the engine's history level in act_ge_property", e);
            }
        }
    }
}
