-- 日对账 (003 第二十九条): each hospital reports its day's settlements (its ledger) and the
-- application compares them, per day and province pair, with what the insured area computed
-- (app.settlement). See docs/settlement.md (Daily reconciliation). Sized like the settlements:
-- the ledger lines are partitioned by month, one line per settlement the hospital booked.

-- The hospital's ledger of one day: one submission per institution and day; a new submission
-- replaces the lines of the earlier one (the hospital corrects its ledger), keeping who and when.
CREATE TABLE app.settlement_ledger_submission (
    institution_code text        NOT NULL CHECK (institution_code ~ '^[0-9]{13}$'),
    ledger_date      date        NOT NULL,   -- the day: the discharge date of the settlements on it
    lines            int         NOT NULL CHECK (lines >= 0),
    submitted_by     text        NOT NULL,
    submitted_at     timestamptz NOT NULL DEFAULT now(),
    revision         int         NOT NULL DEFAULT 1,
    PRIMARY KEY (institution_code, ledger_date)
);
CREATE INDEX settlement_ledger_submission_day_idx ON app.settlement_ledger_submission (ledger_date);

-- One line per settlement in a hospital's ledger, as the hospital booked it. The provinces are
-- stored with the line (就医省 from the institution, 参保省 from the line) so that a line the
-- application does not know can still be placed in its province pair.
CREATE TABLE app.settlement_ledger (
    ledger_month      date          NOT NULL,
    ledger_date       date          NOT NULL,
    institution_code  text          NOT NULL,
    settlement_no     text          NOT NULL,
    medical_province  text          NOT NULL,
    insured_province  text          NOT NULL,
    status            text          NOT NULL CHECK (status IN ('SETTLED', 'REVERSED')),
    total             numeric(14, 2) NOT NULL CHECK (total >= 0),
    funds_total       numeric(14, 2) NOT NULL CHECK (funds_total >= 0),
    personal_cash     numeric(14, 2) NOT NULL CHECK (personal_cash >= 0),
    PRIMARY KEY (ledger_month, ledger_date, institution_code, settlement_no),
    CONSTRAINT settlement_ledger_month CHECK (ledger_month = date_trunc('month', ledger_date)::date)
) PARTITION BY RANGE (ledger_month);

-- the clerks' 结算信息查询 of their pooling area (参保地) over a date range
CREATE INDEX settlement_insured_area_idx ON app.settlement (insured_area_code, discharge_date);

-- The month partitions, now also of the ledger (same contract as in V18).
CREATE OR REPLACE FUNCTION app.settlement_ensure_partition(month date) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    first date := date_trunc('month', month)::date;
    suffix text := to_char(first, '"y"YYYY"m"MM');
    parent text;
BEGIN
    IF to_regclass('app.settlement_' || suffix) IS NOT NULL
            AND to_regclass('app.settlement_detail_' || suffix) IS NOT NULL
            AND to_regclass('app.settlement_ledger_' || suffix) IS NOT NULL THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('settlement-partitions'));
    FOREACH parent IN ARRAY ARRAY['settlement', 'settlement_detail', 'settlement_ledger'] LOOP
        IF to_regclass('app.' || parent || '_' || suffix) IS NULL THEN
            EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES FROM (%L) TO (%L)',
                           'app', parent || '_' || suffix, 'app', parent, first, (first + interval '1 month')::date);
        END IF;
    END LOOP;
END $$;

-- the ledger partitions of every month that has settlement partitions
SELECT app.settlement_ensure_partition(to_date(right(c.relname, 7), 'YYYY"m"MM'))  -- settlement_y2026m11 → 2026-11-01
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'app' AND c.relname ~ '^settlement_y[0-9]{4}m[0-9]{2}$';
