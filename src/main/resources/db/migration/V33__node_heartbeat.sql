-- Issue 19: each node with app.node-id writes its heartbeat here every few seconds; a node whose
-- beat is older than app.cluster.stale-after is taken as dead and its job locks are released at once
-- (workflow/internal/NodeHeartbeat), not after Camunda's lock time of 5 minutes.
CREATE TABLE app.node_heartbeat (
    node_id    text PRIMARY KEY,
    beat_at    timestamptz NOT NULL,
    started_at timestamptz NOT NULL
);
