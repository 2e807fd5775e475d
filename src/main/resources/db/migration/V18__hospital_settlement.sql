-- 住院直接结算 uploaded by the hospitals (003 第二十六–三十条), sized for 25 million settlements a
-- month: the settlements and their 明细 are partitioned by the discharge month, the idempotency
-- keys by a hash of the institution. See docs/settlement.md (Storage).

-- One row per settlement; discharge_month (the 1st of the discharge date's month) is the
-- partition key and so part of every unique key.
CREATE TABLE app.settlement (
    id                    uuid        NOT NULL,
    discharge_month       date        NOT NULL,
    institution_code      text        NOT NULL CHECK (institution_code ~ '^[0-9]{13}$'),
    settlement_no         text        NOT NULL,
    person_id_number      text        NOT NULL CHECK (person_id_number = app.canonical_id_number(person_id_number)),
    person_name           text        NOT NULL,
    insured_area_code     text        NOT NULL,   -- 参保地 (the registry's pooling area)
    insured_province      text        NOT NULL,
    medical_area_code     text        NOT NULL,   -- 就医地: the institution's division
    medical_province      text        NOT NULL,
    hospital_grade        text        NOT NULL CHECK (hospital_grade IN ('GRADE_1', 'GRADE_2', 'GRADE_3', 'UNGRADED')),
    insurance_type        text        NOT NULL,
    person_type           text        NOT NULL,
    policy_effective_from date        NOT NULL,   -- with the three above: the policy version used
    admission_date        date        NOT NULL,
    discharge_date        date        NOT NULL,
    emergency             boolean     NOT NULL,   -- 异地急诊抢救, 视同已备案
    filing_id             uuid,                   -- the filing it was settled under; null for an emergency without one
    total                 numeric(14, 2) NOT NULL CHECK (total >= 0),
    in_scope              numeric(14, 2) NOT NULL CHECK (in_scope >= 0),
    self_paid             numeric(14, 2) NOT NULL CHECK (self_paid >= 0),
    deductible            numeric(14, 2) NOT NULL CHECK (deductible >= 0),
    funds_total           numeric(14, 2) NOT NULL CHECK (funds_total >= 0),
    personal_cash         numeric(14, 2) NOT NULL CHECK (personal_cash >= 0),
    funds                 jsonb       NOT NULL,   -- [{code, name, base, amount}] in the policy's order
    fee_lines             jsonb       NOT NULL,   -- [{category, inScope, selfPaid}] as uploaded
    diagnosis_codes       text[]      NOT NULL,
    status                text        NOT NULL CHECK (status IN ('SETTLED', 'REVERSED')),
    uploaded_by           text        NOT NULL,   -- realm:username of the hospital system
    created_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (discharge_month, id),
    CONSTRAINT settlement_month CHECK (discharge_month = date_trunc('month', discharge_date)::date),
    CONSTRAINT settlement_dates CHECK (discharge_date >= admission_date),
    CONSTRAINT settlement_sums CHECK (total = in_scope + self_paid AND total = funds_total + personal_cash),
    CONSTRAINT settlement_no_per_month UNIQUE (discharge_month, institution_code, settlement_no)
) PARTITION BY RANGE (discharge_month);
-- the person's settlements of a year (year-to-date usage, 结算记录) and the daily / monthly
-- reconciliation (日对账 by discharge date × 就医省 × 参保省, 第二十九、三十一条)
CREATE INDEX settlement_person_idx ON app.settlement (person_id_number, discharge_date);
CREATE INDEX settlement_reconciliation_idx ON app.settlement (discharge_date, medical_province, insured_province);
CREATE INDEX settlement_institution_idx ON app.settlement (institution_code, discharge_date);

-- Idempotency across months: one row per (institution, settlement number) for ever, with the
-- hash of the body first uploaded and where the settlement lives. Hash partitions keep each
-- index small; the key is looked up before anything is computed.
CREATE TABLE app.settlement_key (
    institution_code text        NOT NULL,
    settlement_no    text        NOT NULL,
    body_sha256      text        NOT NULL,
    settlement_id    uuid        NOT NULL,
    discharge_month  date        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (institution_code, settlement_no)
) PARTITION BY HASH (institution_code);

-- 冲正: who reversed which settlement, when and why (one per settlement)
CREATE TABLE app.settlement_reversal (
    settlement_id    uuid        NOT NULL,
    discharge_month  date        NOT NULL,
    institution_code text        NOT NULL,
    settlement_no    text        NOT NULL,
    reason           text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    reversed_by      text        NOT NULL,
    reversed_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (discharge_month, settlement_id)
);

-- 医疗费用明细, uploaded within 5 days of the discharge (第三十条), by batches
CREATE TABLE app.settlement_detail (
    settlement_id    uuid          NOT NULL,
    discharge_month  date          NOT NULL,
    batch_no         text          NOT NULL,
    line_no          int           NOT NULL CHECK (line_no >= 1),
    item_code        text          NOT NULL,
    item_name        text          NOT NULL,
    category         text          NOT NULL,
    quantity         numeric(14, 4) NOT NULL CHECK (quantity > 0),
    unit_price       numeric(14, 4) NOT NULL CHECK (unit_price >= 0),
    amount           numeric(14, 2) NOT NULL CHECK (amount >= 0),
    uploaded_by      text          NOT NULL,
    uploaded_at      timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (discharge_month, settlement_id, batch_no, line_no)
) PARTITION BY RANGE (discharge_month);

-- The hash partitions of the keys (created here once; their names are not tables of their own).
DO $$
BEGIN
    FOR i IN 0..15 LOOP
        EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES WITH (MODULUS 16, REMAINDER %s)',
                       'app', 'settlement_key_h' || lpad(i::text, 2, '0'), 'app', 'settlement_key', i);
    END LOOP;
END $$;

-- The month partitions of app.settlement and app.settlement_detail for the month of `month`;
-- idempotent and safe to call concurrently (advisory lock). Called by the application at start,
-- daily (this month and the next two) and before an upload into a month it has not seen yet.
CREATE FUNCTION app.settlement_ensure_partition(month date) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    first date := date_trunc('month', month)::date;
    suffix text := to_char(first, '"y"YYYY"m"MM');
    parent text;
BEGIN
    IF to_regclass('app.settlement_' || suffix) IS NOT NULL
            AND to_regclass('app.settlement_detail_' || suffix) IS NOT NULL THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('settlement-partitions'));
    FOREACH parent IN ARRAY ARRAY['settlement', 'settlement_detail'] LOOP
        IF to_regclass('app.' || parent || '_' || suffix) IS NULL THEN
            EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES FROM (%L) TO (%L)',
                           'app', parent || '_' || suffix, 'app', parent, first, (first + interval '1 month')::date);
        END IF;
    END LOOP;
END $$;

-- the months before the application first starts: from January 2025 to three months ahead
SELECT app.settlement_ensure_partition(m::date)
FROM generate_series(date '2025-01-01', date_trunc('month', now()) + interval '3 months', interval '1 month') AS m;
