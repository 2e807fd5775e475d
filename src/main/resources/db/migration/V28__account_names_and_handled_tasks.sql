-- Names instead of account ids (issue 18): a clerk's or officer's display name as their last token gave it, so
-- histories and lists show 王芳 rather than clerks:cy-counter. Written when the name is new or changed, not per request.
CREATE TABLE app.staff_name (
    account      text PRIMARY KEY,
    display_name text        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- 已办任务: each review decision a clerk made, with the case's summary as the inbox showed it at that moment, so the
-- list is searched and paged from one table (Camunda's history keeps only the last decision of a case).
CREATE TABLE app.handled_task (
    task_id             text PRIMARY KEY,
    process_instance_id text        NOT NULL,
    task_definition_key text        NOT NULL,
    task_name           text,
    reviewer            text        NOT NULL,
    area_code           text,
    decision            text        NOT NULL,
    reason              text,
    case_type           text,
    reference           text,
    applicant           text,
    decided_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX handled_task_reviewer_idx ON app.handled_task (reviewer, decided_at DESC);
CREATE INDEX handled_task_area_idx ON app.handled_task (area_code, decided_at DESC);
