-- 月度清算 as a process (bpmn/monthly-clearing.bpmn): the month's case, the 25th deadline and its
-- escalation, the centre's resolution of disputes, province pairs carried to a later month, and the
-- notices published.
-- See docs/clearing.md.

-- The case of the month: one process instance per month, never two (unique, with the unique month).
ALTER TABLE app.clearing_month
    ADD COLUMN process_instance_id varchar(64) UNIQUE,
    -- 第三十四条: the provinces confirm by the 25th of the month after the clearing month
    ADD COLUMN confirm_due timestamptz,
    -- 第三十五条: 付款/收款通知书 published (status NOTICES_PUBLISHED)
    ADD COLUMN notices_published_at timestamptz;
-- the status checks of V21 (named by PostgreSQL) give way to ones that know NOTICES_PUBLISHED
DO $$
DECLARE c record;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'app.clearing_month'::regclass AND contype = 'c'
                 AND pg_get_constraintdef(oid) LIKE '%status%' LOOP
        EXECUTE format('ALTER TABLE app.clearing_month DROP CONSTRAINT %I', c.conname);
    END LOOP;
END $$;
ALTER TABLE app.clearing_month
    ALTER COLUMN status TYPE varchar(20),
    ADD CONSTRAINT clearing_month_status CHECK (status IN ('CONFIRMING', 'CONFIRMED', 'NOTICES_PUBLISHED')),
    ADD CONSTRAINT clearing_month_confirmed CHECK ((status = 'CONFIRMING') = (confirmed_at IS NULL)),
    ADD CONSTRAINT clearing_month_notices CHECK ((status = 'NOTICES_PUBLISHED') = (notices_published_at IS NOT NULL));

-- A province that had not confirmed by the 25th: escalated to the national centre (督办).
ALTER TABLE app.clearing_province
    ADD COLUMN escalated_at timestamptz;

-- The centre's resolution of a dispute: REGENERATED (the pair corrected and generated again) or
-- CARRIED_OVER (the pair held out of this month and cleared with the next one). A pair may be
-- disputed again after its resolution, so the key includes when it was raised; one open dispute
-- per province and pair.
ALTER TABLE app.clearing_dispute
    ADD COLUMN resolution   varchar(16) CHECK (resolution IN ('REGENERATED', 'CARRIED_OVER')),
    ADD COLUMN resolution_note varchar(500) CHECK (length(resolution_note) <= 500),
    ADD COLUMN resolved_by  varchar(300),
    ADD COLUMN resolved_at  timestamptz,
    ADD CHECK ((resolution IS NULL) = (resolved_by IS NULL AND resolved_at IS NULL)),
    DROP CONSTRAINT clearing_dispute_pkey,
    ADD PRIMARY KEY (clearing_month_id, province_code, pair_province, raised_at);
CREATE UNIQUE INDEX clearing_dispute_open ON app.clearing_dispute (clearing_month_id, province_code, pair_province)
    WHERE resolution IS NULL;

-- A province pair held out of a month (both directions): its reconciled settlements of from_month
-- are cleared with the next month generated (carried_into). A pair carried again is carried with
-- all it holds: its rows go back to carried_into NULL and wait for the month after.
CREATE TABLE app.clearing_carry (
    from_month    date          NOT NULL REFERENCES app.clearing_month (month),
    province_a    varchar(6)    NOT NULL CHECK (province_a ~ '^[0-9]{2}0000$'),
    province_b    varchar(6)    NOT NULL CHECK (province_b ~ '^[0-9]{2}0000$'),
    -- what the pair held in from_month when it was carried (both directions)
    settlements   bigint        NOT NULL CHECK (settlements >= 0),
    amount        numeric(18, 2) NOT NULL CHECK (amount >= 0),
    carried_by    varchar(300)  NOT NULL,
    carried_at    timestamptz   NOT NULL,
    carried_into  date          REFERENCES app.clearing_month (month),
    PRIMARY KEY (from_month, province_a, province_b),
    CHECK (province_a < province_b),
    CHECK (carried_into IS NULL OR carried_into > from_month)
);
CREATE INDEX clearing_carry_waiting ON app.clearing_carry (from_month) WHERE carried_into IS NULL;
