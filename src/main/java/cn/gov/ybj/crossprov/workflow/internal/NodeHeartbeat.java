package cn.gov.ybj.crossprov.workflow.internal;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Jobs a node of a cluster had locked when it died are free again within seconds even if it stays down: each node
 * with {@code app.node-id} writes its heartbeat to {@code app.node_heartbeat} every {@code app.cluster.heartbeat-interval}
 * (5 s), and releases the job locks of any other node whose beat is older than {@code app.cluster.stale-after} (30 s),
 * so another node's job executor takes them at once instead of after Camunda's lock time (5 minutes). The database's
 * clock is the only clock, so the nodes' clocks need not agree. A node paused longer than {@code stale-after} (not
 * dead) may then run a job twice; the engine's optimistic locking lets only one completion commit, and the jobs here
 * are idempotent (the registry reporter holds an advisory lock, the registry keeps one receipt per event). Without
 * {@code app.node-id} (tests) nothing is written. {@link JobLockRecovery} frees a restarted node's own locks.
 */
@Component
class NodeHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final JdbcClient jdbc;
    private final String nodeId;
    private final Duration staleAfter;
    private final AtomicBoolean first = new AtomicBoolean(true);

    NodeHeartbeat(JdbcClient jdbc, @Value("${app.node-id:}") String nodeId,
                  @Value("${app.cluster.stale-after:PT30S}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.nodeId = nodeId.strip();
        this.staleAfter = staleAfter;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${app.cluster.heartbeat-interval:PT5S}")
    void beat() {
        if (nodeId.isEmpty()) {
            return;
        }
        beat(jdbc, nodeId, first.getAndSet(false));
        for (Released r : releaseSilentNodes(jdbc, nodeId, staleAfter)) {
            log.warn("Node '{}' sent no heartbeat since {} (more than {} s): released {} job lock(s) it held; the other nodes run them now",
                    r.node(), r.lastBeat(), staleAfter.toSeconds(), r.locks());
        }
    }

    /** A node that stops cleanly leaves the table, so nobody waits for its beat. */
    @PreDestroy
    void leave() {
        if (!nodeId.isEmpty()) {
            try {
                jdbc.sql("DELETE FROM app.node_heartbeat WHERE node_id = ?").param(nodeId).update();
            } catch (RuntimeException e) {
                log.debug("could not remove the heartbeat of node {}", nodeId, e);
            }
        }
    }

    record Released(String node, java.time.OffsetDateTime lastBeat, int locks) {
    }

    static void beat(JdbcClient jdbc, String nodeId, boolean started) {
        jdbc.sql("""
                        INSERT INTO app.node_heartbeat (node_id, beat_at, started_at) VALUES (:node, now(), now())
                        ON CONFLICT (node_id) DO UPDATE SET beat_at = now(),
                            started_at = CASE WHEN :started THEN now() ELSE app.node_heartbeat.started_at END""")
                .param("node", nodeId).param("started", started).update();
    }

    /**
     * Removes every other node whose beat is older than {@code staleAfter} and frees the job locks held under its name,
     * in one transaction; answers what it released.
     */
    static List<Released> releaseSilentNodes(JdbcClient jdbc, String self, Duration staleAfter) {
        return jdbc.sql("""
                        WITH silent AS (
                            DELETE FROM app.node_heartbeat
                            WHERE node_id <> :self AND beat_at < now() - make_interval(secs => :stale)
                            RETURNING node_id, beat_at),
                        freed AS (
                            UPDATE act_ru_job j SET lock_owner_ = NULL, lock_exp_time_ = NULL
                            FROM silent s WHERE j.lock_owner_ = s.node_id
                            RETURNING s.node_id AS owner)
                        SELECT s.node_id, s.beat_at, (SELECT count(*) FROM freed f WHERE f.owner = s.node_id) AS locks
                        FROM silent s""")
                .param("self", self).param("stale", (double) staleAfter.toMillis() / 1000)
                .query((rs, i) -> new Released(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class), rs.getInt(3)))
                .list();
    }
}
