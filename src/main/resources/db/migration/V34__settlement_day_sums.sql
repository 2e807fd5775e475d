-- Issues 14 and 15 at scale (25 million settlements a month): 日对账 of one day reads one index range
-- without the heap; a day that is over is summed once (again when it changes): its reconciliation is
-- then read, and the month's clearing adds up the days' sums instead of every settlement again.
-- See docs/settlement.md (日对账, Day sums).

-- A day's settlements in (institution, number) order with everything the comparison reads: an
-- index-only scan merged with the ledger's primary key, which has the same order. It replaces the
-- (discharge_date, medical_province, insured_province) index of V18; a province's pairs are a filter.
DROP INDEX app.settlement_reconciliation_idx;
CREATE INDEX settlement_day_idx ON app.settlement (discharge_date, institution_code, settlement_no)
    INCLUDE (discharge_month, medical_province, insured_province, status, total, funds_total, personal_cash);

-- One row per day whose sums are written (闭合 of the day): when, how many settled settlements.
CREATE TABLE app.settlement_day (
    day         date PRIMARY KEY,
    settlements bigint      NOT NULL,
    groups      integer     NOT NULL,
    closed_at   timestamptz NOT NULL,
    took_ms     bigint      NOT NULL
);

-- The day's settled settlements summed as monthly clearing takes them, reconciled or not, in two kinds
-- of groups: by 参保地 × 就医省 × 险种 with the fund amounts per fund code (codes sorted, amounts in the
-- same order; medical_area_code NULL), and by 就医地 × 参保省 × 险种 (insured_area_code NULL, no funds).
CREATE TABLE app.settlement_day_group (
    day               date           NOT NULL,
    insured_area_code text,
    insured_province  text           NOT NULL,
    medical_area_code text,
    medical_province  text           NOT NULL,
    insurance_type    text           NOT NULL,
    reconciled        boolean        NOT NULL,
    settlements       bigint         NOT NULL,
    funds_total       numeric(18, 2) NOT NULL,
    fund_codes        text[]         NOT NULL,
    fund_amounts      numeric(18, 2)[] NOT NULL,
    CHECK (cardinality(fund_codes) = cardinality(fund_amounts)),
    CHECK ((insured_area_code IS NULL) <> (medical_area_code IS NULL))
);
CREATE INDEX settlement_day_group_day_idx ON app.settlement_day_group (day);

-- The officers' 日对账 of a summed day, so that it is read, not joined again: every 就医省 × 参保省 pair
-- with both sides (h_ the hospitals' ledgers, p_ the insured areas' settlements) ...
CREATE TABLE app.settlement_day_pair (
    day              date           NOT NULL,
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
    PRIMARY KEY (day, medical_province, insured_province)
);
-- ... and each pair's first 500 mismatches (the most a list shows), named as in the comparison's SQL:
-- mp/ip the pair, inst/no the settlement, hs/ht/hf/hc and ps/pt/pf/pc each side's status and amounts.
CREATE TABLE app.settlement_day_mismatch (
    day  date NOT NULL,
    mp   text NOT NULL,
    ip   text NOT NULL,
    inst text NOT NULL,
    no   text NOT NULL,
    kind text NOT NULL,
    hs   text,
    ht   numeric(14, 2),
    hf   numeric(14, 2),
    hc   numeric(14, 2),
    ps   text,
    pt   numeric(14, 2),
    pf   numeric(14, 2),
    pc   numeric(14, 2),
    PRIMARY KEY (day, mp, ip, inst, no)
);

-- A day changed after (or before) its sums were written: an upload, a reversal, a hospital's ledger,
-- a bulk load. Appended in the writer's transaction (no row is updated, so writers never wait on each
-- other); the day's closing deletes the markers it has seen before it sums, so a change committed
-- later leaves its marker and the day is summed again.
CREATE TABLE app.settlement_day_change (
    day date NOT NULL
);
CREATE INDEX settlement_day_change_day_idx ON app.settlement_day_change (day);
