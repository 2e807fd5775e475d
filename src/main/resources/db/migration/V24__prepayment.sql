-- 预付金 (003 第十六–二十四条): the year's quota per paying → receiving province pair, its usage after each
-- monthly clearing with the warnings, the emergency top-ups, and the suspension of a paying province's
-- direct settlement. Amounts in yuan (numeric(18,2)); the notices print them in 万元.
-- See docs/prepayment.md.

-- 第十八条: one run per year, never two (the primary key).
CREATE TABLE app.prepayment_year (
    year        integer      PRIMARY KEY CHECK (year BETWEEN 2016 AND 2100),
    -- the year whose clearing amounts the quotas are two months of
    basis_year  integer      NOT NULL CHECK (basis_year = year - 1),
    run_by      varchar(300) NOT NULL,
    run_at      timestamptz  NOT NULL
);

-- A pair's prepayment of a year: what the paying (insured) province advances the receiving (medical)
-- province. quota = two months of the basis year's clearing amounts (basis ÷ 6, half up to the fen).
CREATE TABLE app.prepayment_pair (
    id                 uuid           PRIMARY KEY,
    year               integer        NOT NULL REFERENCES app.prepayment_year (year),
    paying_province    varchar(6)     NOT NULL CHECK (paying_province ~ '^[0-9]{2}0000$'),
    receiving_province varchar(6)     NOT NULL CHECK (receiving_province ~ '^[0-9]{2}0000$'),
    basis              numeric(18, 2) NOT NULL CHECK (basis >= 0),
    quota              numeric(18, 2) NOT NULL CHECK (quota >= 0),
    -- 附件4-1: last year's quota including its top-ups (0 in the first year)
    previous_quota     numeric(18, 2) NOT NULL CHECK (previous_quota >= 0),
    -- emergency top-ups arrived this year
    top_ups            numeric(18, 2) NOT NULL DEFAULT 0 CHECK (top_ups >= 0),
    -- the last usage measured: the month, its clearing amount, the ratio (four decimals) and the band
    usage_month        date,
    usage_amount       numeric(18, 2),
    usage              numeric(12, 4),
    warning            varchar(6)     NOT NULL DEFAULT 'NONE' CHECK (warning IN ('NONE', 'YELLOW', 'RED')),
    version            bigint         NOT NULL,
    UNIQUE (year, paying_province, receiving_province),
    CHECK (paying_province <> receiving_province)
);

-- 第二十条: each month's usage of each pair, as measured when the month's clearing was confirmed.
CREATE TABLE app.prepayment_usage (
    pair_id    uuid           NOT NULL REFERENCES app.prepayment_pair (id),
    month      date           NOT NULL CHECK (extract(day FROM month) = 1),
    amount     numeric(18, 2) NOT NULL CHECK (amount >= 0),
    prepayment numeric(18, 2) NOT NULL CHECK (prepayment >= 0),
    usage      numeric(12, 4),
    warning    varchar(6)     NOT NULL CHECK (warning IN ('NONE', 'YELLOW', 'RED')),
    measured_at timestamptz   NOT NULL,
    PRIMARY KEY (pair_id, month)
);

-- 第二十一–二十三条: an emergency top-up of a pair, one open at a time; its case is
-- bpmn/prepayment-top-up.bpmn.
CREATE TABLE app.prepayment_top_up (
    id                  uuid           PRIMARY KEY,
    pair_id             uuid           NOT NULL REFERENCES app.prepayment_pair (id),
    status              varchar(12)    NOT NULL CHECK (status IN ('TO_APPLY', 'APPLIED', 'APPROVED', 'REFUSED', 'ARRIVED')),
    process_instance_id varchar(64)    UNIQUE,
    opened_at           timestamptz    NOT NULL,
    -- the month whose red warning opened it
    warning_month       date,
    requested           numeric(18, 2) CHECK (requested > 0),
    reason              varchar(500),
    applied_by          varchar(300),
    applied_at          timestamptz,
    approved            numeric(18, 2) CHECK (approved > 0),
    decision_note       varchar(500),
    decided_by          varchar(300),
    decided_at          timestamptz,
    arrived_by          varchar(300),
    arrived_at          timestamptz,
    CHECK ((status = 'ARRIVED') = (arrived_at IS NOT NULL))
);
CREATE UNIQUE INDEX prepayment_top_up_open ON app.prepayment_top_up (pair_id) WHERE status IN ('TO_APPLY', 'APPLIED', 'APPROVED');

-- The finance steps of a top-up after the centre's notice (第二十二、二十三条), like a clearing month's.
CREATE TABLE app.prepayment_top_up_step (
    top_up_id    uuid         NOT NULL REFERENCES app.prepayment_top_up (id),
    step         varchar(16)  NOT NULL CHECK (step IN ('APPLY', 'REVIEW', 'HAND_OVER', 'TRANSFER', 'FEEDBACK', 'REPORT')),
    opened_at    timestamptz  NOT NULL,
    due          timestamptz  NOT NULL CHECK (due > opened_at),
    done_by      varchar(300),
    done_at      timestamptz,
    note         varchar(200),
    escalated_at timestamptz,
    PRIMARY KEY (top_up_id, step),
    CHECK ((done_by IS NULL) = (done_at IS NULL))
);

-- 第二十四条: a receiving province asks the centre to suspend a paying province's direct settlement;
-- the centre decides; suspended from a day until resumed. Every step with who and when.
CREATE TABLE app.settlement_suspension (
    id                 uuid          PRIMARY KEY,
    paying_province    varchar(6)    NOT NULL CHECK (paying_province ~ '^[0-9]{2}0000$'),
    receiving_province varchar(6)    NOT NULL CHECK (receiving_province ~ '^[0-9]{2}0000$'),
    cause              varchar(12)   NOT NULL CHECK (cause IN ('CLEARING', 'PREPAYMENT', 'TOP_UP')),
    reason             varchar(500)  NOT NULL,
    status             varchar(10)   NOT NULL CHECK (status IN ('REQUESTED', 'SUSPENDED', 'REFUSED', 'RESUMED')),
    requested_by       varchar(300)  NOT NULL,
    requested_at       timestamptz   NOT NULL,
    decided_by         varchar(300),
    decided_at         timestamptz,
    decision_note      varchar(500),
    -- the first discharge day refused, and the first accepted again
    suspended_from     date,
    resumed_by         varchar(300),
    resumed_at         timestamptz,
    resumed_from       date,
    version            bigint        NOT NULL,
    CHECK (paying_province <> receiving_province),
    CHECK ((status IN ('SUSPENDED', 'RESUMED')) = (suspended_from IS NOT NULL)),
    CHECK ((status = 'RESUMED') = (resumed_from IS NOT NULL))
);
CREATE UNIQUE INDEX settlement_suspension_open ON app.settlement_suspension (paying_province, receiving_province)
    WHERE status IN ('REQUESTED', 'SUSPENDED');
