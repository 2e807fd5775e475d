-- 异地就医备案: one row per application (case); the rules that must hold under concurrency
-- (unique numbers, one case per idempotency key, no two active filings of a person with
-- overlapping periods) are constraints here, not only checks in code.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE SEQUENCE app.filing_serial_seq;
CREATE SEQUENCE app.filing_number_seq;

CREATE TABLE app.filing (
    id                     uuid PRIMARY KEY,
    application_serial     text NOT NULL UNIQUE,
    filing_number          text UNIQUE,
    idempotency_key        text NOT NULL,
    submitted_by           text NOT NULL,            -- realm:username of the account that submitted
    channel                text NOT NULL CHECK (channel IN ('NATIONAL_APP_QUICK', 'NATIONAL_APP_SELF_SERVICE', 'LOCAL')),
    review_mode            text CHECK (review_mode IN ('AUTO', 'MANUAL')),
    status                 text NOT NULL CHECK (status IN ('SUBMITTED', 'OPENED', 'RETURNED', 'FAILED', 'CLOSED')),
    status_reason          text,
    person_id_number       text NOT NULL,
    person_name            text NOT NULL,
    insured_area_code      text NOT NULL REFERENCES app.pooling_area (code),
    treatment_province     text NOT NULL,
    treatment_area_code    text NOT NULL,
    insurance_type         text NOT NULL CHECK (insurance_type IN ('EMPLOYEE', 'RESIDENT')),
    filing_type            text NOT NULL CHECK (filing_type IN ('RETIRED_RESETTLED', 'LONG_TERM_RESIDENT', 'STATIONED_WORKER', 'REFERRAL', 'OTHER_TEMPORARY')),
    start_date             date NOT NULL,
    end_date               date NOT NULL,
    contact_name           text NOT NULL,
    contact_phone          text NOT NULL,
    contact_address        text NOT NULL,
    institution_code       text REFERENCES app.designated_institution (code),
    referral               boolean NOT NULL DEFAULT false,
    emergency              boolean NOT NULL DEFAULT false,
    commitment_given       boolean NOT NULL DEFAULT false,
    notice_accepted_at     timestamptz NOT NULL,
    commitment_text        text NOT NULL,
    commitment_accepted_at timestamptz NOT NULL,
    process_instance_id    text,
    submitted_at           timestamptz NOT NULL DEFAULT now(),
    opened_at              timestamptz,
    updated_at             timestamptz NOT NULL DEFAULT now(),
    version                int NOT NULL DEFAULT 0,
    CONSTRAINT filing_period_ordered CHECK (end_date >= start_date),
    CONSTRAINT filing_idempotent UNIQUE (submitted_by, idempotency_key),
    -- at most one active filing of a person per period (policy in domain.md §2)
    CONSTRAINT filing_no_overlap EXCLUDE USING gist (
        person_id_number WITH =, daterange(start_date, end_date, '[]') WITH &&)
        WHERE (status IN ('SUBMITTED', 'OPENED'))
);
CREATE INDEX filing_person_idx ON app.filing (person_id_number, submitted_at DESC);
CREATE INDEX filing_area_status_idx ON app.filing (insured_area_code, status);
CREATE INDEX filing_process_idx ON app.filing (process_instance_id);

-- what happened to a case, in order (shown in details and progress)
CREATE TABLE app.filing_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    filing_id   uuid NOT NULL REFERENCES app.filing (id),
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    action      text NOT NULL,
    status      text NOT NULL,
    reason      text
);
CREATE INDEX filing_event_filing_idx ON app.filing_event (filing_id, id);

-- uploaded materials, stored in the database so they share its backups and transactions
CREATE TABLE app.filing_material (
    id           uuid PRIMARY KEY,
    filing_id    uuid NOT NULL REFERENCES app.filing (id),
    kind         text NOT NULL,
    file_name    text NOT NULL,
    content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes   int NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
    sha256       text NOT NULL,
    content      bytea NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX filing_material_filing_idx ON app.filing_material (filing_id);

-- what the national filing registry acknowledged (one row per reported status change)
CREATE TABLE app.registry_report (
    event_id     bigint PRIMARY KEY REFERENCES app.filing_event (id),
    receipt      text NOT NULL,
    reported_at  timestamptz NOT NULL DEFAULT now()
);
