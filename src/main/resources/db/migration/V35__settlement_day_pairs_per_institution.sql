-- 日对账 of a summed day kept per institution, so that a change after the day was summed (a hospital's
-- late ledger, a late upload or reversal) sums that institution again, not the whole day (806,000
-- settlements at 25 million a month). See docs/settlement.md (Day sums).

-- Who changed the day: the institution of an upload, reversal or ledger; NULL for the whole day (bulk
-- load, data written in SQL). resummed: that institution's 日对账 rows were written again since — the
-- day's groups for clearing still wait for the day to be summed again, which deletes every marker.
ALTER TABLE app.settlement_day_change
    ADD COLUMN institution_code text,
    ADD COLUMN resummed boolean NOT NULL DEFAULT false;

-- The pairs by institution as well: a day's view adds up its institutions' rows.
DROP TABLE app.settlement_day_pair;
CREATE TABLE app.settlement_day_pair (
    day              date           NOT NULL,
    institution_code text           NOT NULL,
    medical_province text           NOT NULL,
    insured_province text           NOT NULL,
    h_count          bigint         NOT NULL,
    h_total          numeric(18, 2) NOT NULL,
    h_funds          numeric(18, 2) NOT NULL,
    h_cash           numeric(18, 2) NOT NULL,
    h_reversed       bigint         NOT NULL,
    p_count          bigint         NOT NULL,
    p_total          numeric(18, 2) NOT NULL,
    p_funds          numeric(18, 2) NOT NULL,
    p_cash           numeric(18, 2) NOT NULL,
    p_reversed       bigint         NOT NULL,
    mismatches       bigint         NOT NULL,
    PRIMARY KEY (day, institution_code, medical_province, insured_province)
);
-- the mismatches are now the first 500 of each institution in each pair (a pair's first 500 are among them)
CREATE INDEX settlement_day_mismatch_institution_idx ON app.settlement_day_mismatch (day, inst);

-- Days summed before hold pairs without institutions: they are summed again (nightly, or when asked for).
INSERT INTO app.settlement_day_change (day) SELECT day FROM app.settlement_day;
