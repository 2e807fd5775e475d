package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The clerk inbox's read model {@code app.inbox_entry} (V36) and what keeps it: one row per open task
 * and candidate group with the task's sort keys, written by triggers on the engine's tables in the
 * same transaction as the engine's own rows, whatever changes them (a task created or completed, a
 * group added at escalation, a priority or due date set, a process instance deleted or migrated in
 * Cockpit). Installed after the engine has created or updated its schema (engine upgrades leave
 * extra triggers and indexes alone); when the triggers are first installed, the read model is
 * filled from the engine's tables.
 *
 * <p>Also {@code crossprov_candidate_group_task}: candidate links by group with their task ids, for
 * the engine's own queries by candidate group (REST, Tasklist); Camunda's {@code ACT_IDX_IDENT_LNK_GROUP}
 * has the group only. The inbox's former order index on {@code act_ru_task} is dropped: the read model
 * has its own, and the engine's task rows are written often.
 */
@Component
class InboxReadModelPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        try (Connection c = configuration.getDataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT pg_advisory_xact_lock(hashtext('crossprov-inbox-triggers'))");  // nodes starting together
            s.execute("CREATE INDEX IF NOT EXISTS crossprov_candidate_group_task ON act_ru_identitylink (group_id_, type_, task_id_)");
            s.execute("DROP INDEX IF EXISTS crossprov_task_inbox_order");
            boolean installed;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_trigger WHERE tgname IN ('crossprov_inbox_link', 'crossprov_inbox_task_update', 'crossprov_inbox_task_delete')")) {
                installed = rs.next() && rs.getInt(1) == 3;
            }
            for (String statement : TRIGGERS) {
                s.execute(statement);
            }
            if (!installed) {
                s.execute("DELETE FROM app.inbox_entry");
                s.execute(FILL);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the inbox indexes and triggers on act_ru_identitylink and act_ru_task", e);
        }
    }

    private static final String FILL = """
            INSERT INTO app.inbox_entry (group_id, task_id, task_def_key, priority, due_date, create_time)
            SELECT DISTINCT l.group_id_, t.id_, t.task_def_key_, t.priority_, t.due_date_, t.create_time_
            FROM act_ru_identitylink l JOIN act_ru_task t ON t.id_ = l.task_id_
            WHERE l.type_ = 'candidate' AND l.group_id_ IS NOT NULL""";

    /*
     * The engine inserts a task before its links and deletes the links before the task (foreign key),
     * so a link's trigger finds its task. A group linked twice keeps its row until its last link goes.
     * search_path FROM CURRENT: the functions find the engine's tables where the engine does.
     */
    private static final List<String> TRIGGERS = List.of("""
            CREATE OR REPLACE FUNCTION app.inbox_link_changed() RETURNS trigger LANGUAGE plpgsql
            SET search_path FROM CURRENT AS $$
            BEGIN
                IF TG_OP <> 'INSERT' AND OLD.type_ = 'candidate' AND OLD.task_id_ IS NOT NULL AND OLD.group_id_ IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM act_ru_identitylink l WHERE l.group_id_ = OLD.group_id_
                                        AND l.type_ = 'candidate' AND l.task_id_ = OLD.task_id_) THEN
                    DELETE FROM app.inbox_entry WHERE group_id = OLD.group_id_ AND task_id = OLD.task_id_;
                END IF;
                IF TG_OP <> 'DELETE' AND NEW.type_ = 'candidate' AND NEW.task_id_ IS NOT NULL AND NEW.group_id_ IS NOT NULL THEN
                    INSERT INTO app.inbox_entry (group_id, task_id, task_def_key, priority, due_date, create_time)
                    SELECT NEW.group_id_, t.id_, t.task_def_key_, t.priority_, t.due_date_, t.create_time_
                    FROM act_ru_task t WHERE t.id_ = NEW.task_id_
                    ON CONFLICT (group_id, task_id) DO NOTHING;
                END IF;
                RETURN NULL;
            END $$""", """
            CREATE OR REPLACE FUNCTION app.inbox_task_changed() RETURNS trigger LANGUAGE plpgsql
            SET search_path FROM CURRENT AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    DELETE FROM app.inbox_entry WHERE task_id = OLD.id_;
                ELSE
                    UPDATE app.inbox_entry SET task_def_key = NEW.task_def_key_, priority = NEW.priority_,
                        due_date = NEW.due_date_, create_time = NEW.create_time_ WHERE task_id = NEW.id_;
                END IF;
                RETURN NULL;
            END $$""",
            "CREATE OR REPLACE TRIGGER crossprov_inbox_link AFTER INSERT OR UPDATE OR DELETE ON act_ru_identitylink"
                    + " FOR EACH ROW EXECUTE FUNCTION app.inbox_link_changed()",
            """
            CREATE OR REPLACE TRIGGER crossprov_inbox_task_update AFTER UPDATE ON act_ru_task FOR EACH ROW
            WHEN (OLD.priority_ IS DISTINCT FROM NEW.priority_ OR OLD.due_date_ IS DISTINCT FROM NEW.due_date_
                  OR OLD.create_time_ IS DISTINCT FROM NEW.create_time_ OR OLD.task_def_key_ IS DISTINCT FROM NEW.task_def_key_)
            EXECUTE FUNCTION app.inbox_task_changed()""",
            "CREATE OR REPLACE TRIGGER crossprov_inbox_task_delete AFTER DELETE ON act_ru_task"
                    + " FOR EACH ROW EXECUTE FUNCTION app.inbox_task_changed()");
}
