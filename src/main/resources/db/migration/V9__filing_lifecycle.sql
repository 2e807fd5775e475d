-- Filing lifecycle (004 §2–3, 003 第九条): changes, cancellations, supplemental materials and
-- 门诊慢特病 institution choices. Each request is a row with its own case (process instance);
-- "at most one pending request" rules are partial unique indexes, so the database decides races.

-- 双向享受待遇: set when supplemental materials of a commitment-based filing are approved
ALTER TABLE app.filing ADD COLUMN both_places boolean NOT NULL DEFAULT false;

-- which events go to the national filing registry: status changes and applied changes, not
-- pending requests, refusals or escalations
ALTER TABLE app.filing_event ADD COLUMN reportable boolean;
UPDATE app.filing_event SET reportable = status <> 'SUBMITTED';
ALTER TABLE app.filing_event ALTER COLUMN reportable SET NOT NULL;
CREATE INDEX filing_event_unreported_idx ON app.filing_event (filing_id, id) WHERE reportable;

-- 信息变更: every change is a version; the filing row holds the current values
CREATE TABLE app.filing_change (
    id                  uuid PRIMARY KEY,
    filing_id           uuid NOT NULL REFERENCES app.filing (id),
    requested_by        text NOT NULL,
    requested_at        timestamptz NOT NULL DEFAULT now(),
    status              text NOT NULL CHECK (status IN ('PENDING', 'APPLIED', 'REFUSED')),
    start_date          date NOT NULL,
    end_date            date NOT NULL,
    contact_name        text NOT NULL,
    contact_phone       text NOT NULL,
    contact_address     text NOT NULL,
    institution_code    text REFERENCES app.designated_institution (code),
    previous            jsonb NOT NULL,            -- the values this change replaces
    filing_version      int,                       -- the filing's version once applied
    reason              text,                      -- why a review refused it
    decided_by          text,
    decided_at          timestamptz,
    process_instance_id text,
    CONSTRAINT filing_change_period CHECK (end_date >= start_date)
);
CREATE INDEX filing_change_filing_idx ON app.filing_change (filing_id, requested_at);
CREATE UNIQUE INDEX filing_change_one_pending ON app.filing_change (filing_id) WHERE status = 'PENDING';

-- 取消备案
CREATE TABLE app.filing_cancellation (
    id                  uuid PRIMARY KEY,
    filing_id           uuid NOT NULL REFERENCES app.filing (id),
    channel             text NOT NULL CHECK (channel IN ('ONLINE', 'COUNTER')),
    requested_by        text NOT NULL,
    requested_at        timestamptz NOT NULL DEFAULT now(),
    status              text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED')),
    reason              text,
    decided_by          text,
    decided_at          timestamptz,
    process_instance_id text
);
CREATE INDEX filing_cancellation_filing_idx ON app.filing_cancellation (filing_id, requested_at);
-- 「此备案存在未审核通过的撤销申请，不支持再次申请」
CREATE UNIQUE INDEX filing_cancellation_one_pending ON app.filing_cancellation (filing_id) WHERE status = 'PENDING';

-- 补充材料: the materials themselves are rows of filing_material pointing here
CREATE TABLE app.filing_supplement (
    id                  uuid PRIMARY KEY,
    filing_id           uuid NOT NULL REFERENCES app.filing (id),
    submitted_by        text NOT NULL,
    submitted_at        timestamptz NOT NULL DEFAULT now(),
    status              text NOT NULL CHECK (status IN ('UNDER_REVIEW', 'APPROVED', 'RETURNED')),
    reason              text,
    decided_by          text,
    decided_at          timestamptz,
    process_instance_id text
);
CREATE INDEX filing_supplement_filing_idx ON app.filing_supplement (filing_id, submitted_at);
-- while under review or once approved, no further supplement (004 §2.1.1.3)
CREATE UNIQUE INDEX filing_supplement_one_live ON app.filing_supplement (filing_id) WHERE status IN ('UNDER_REVIEW', 'APPROVED');
ALTER TABLE app.filing_material ADD COLUMN supplement_id uuid REFERENCES app.filing_supplement (id);

-- 门诊慢特病资格 (from the insured area's records) and 医疗机构选择
CREATE TABLE app.chronic_qualification (
    person_id_number  text NOT NULL,
    disease_code      text NOT NULL,
    disease_name      text NOT NULL,
    insured_area_code text NOT NULL,
    approved_on       date NOT NULL,
    valid_until       date,
    PRIMARY KEY (person_id_number, disease_code)
);

CREATE SEQUENCE app.chronic_choice_serial_seq;
CREATE TABLE app.chronic_institution_choice (
    id                  uuid PRIMARY KEY,
    serial              text NOT NULL UNIQUE,    -- 医药机构变更流水号
    filing_id           uuid NOT NULL REFERENCES app.filing (id),
    person_id_number    text NOT NULL,
    disease_code        text NOT NULL,
    institution_code    text NOT NULL REFERENCES app.designated_institution (code),
    submitted_by        text NOT NULL,
    submitted_at        timestamptz NOT NULL DEFAULT now(),
    status              text NOT NULL CHECK (status IN ('UNDER_REVIEW', 'APPROVED', 'REFUSED')),
    reason              text,
    decided_by          text,
    decided_at          timestamptz,
    process_instance_id text,
    FOREIGN KEY (person_id_number, disease_code) REFERENCES app.chronic_qualification (person_id_number, disease_code)
);
CREATE INDEX chronic_choice_person_idx ON app.chronic_institution_choice (person_id_number, disease_code, submitted_at);
CREATE UNIQUE INDEX chronic_choice_one_live ON app.chronic_institution_choice (person_id_number, disease_code, institution_code)
    WHERE status IN ('UNDER_REVIEW', 'APPROVED');
