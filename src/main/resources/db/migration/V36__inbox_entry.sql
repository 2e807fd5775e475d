-- The clerk inbox's read model: one row per open task and candidate group, with the task's sort keys,
-- kept by triggers on the engine's act_ru_identitylink and act_ru_task (installed by the workflow
-- module's InboxReadModelPlugin once the engine has created its tables). An inbox page reads the group's
-- first rows from the order index and then only those tasks: ~0.9 ms of PostgreSQL CPU a view
-- instead of ~3.5 ms for reading and sorting every task of the area (docs/benchmarks.md, inbox).
CREATE TABLE app.inbox_entry (
    group_id     varchar(255) NOT NULL,
    task_id      varchar(64)  NOT NULL,
    task_def_key varchar(255),
    -- nullable as in act_ru_task: the read model must never refuse a row the engine writes
    priority     integer,
    due_date     timestamp,
    create_time  timestamp,
    PRIMARY KEY (group_id, task_id)
);
-- the inbox's order within a group: escalated (higher priority) first, then due date, creation, id
CREATE INDEX inbox_entry_order_idx ON app.inbox_entry (group_id, priority DESC, due_date, create_time, task_id);
CREATE INDEX inbox_entry_task_idx ON app.inbox_entry (task_id);
