-- 月度清算 (003 第三十三–三十七条, 附件7–7-6): one clearing month per 清算所属月份, the provinces'
-- confirmations and disputes, and the generated tables stored as rows, so that reading a table
-- never reads the month's settlements again. See docs/clearing.md.

-- The aggregate (JPA entity clearing.ClearingMonth). One per month, never two: the unique month.
CREATE TABLE app.clearing_month (
    id                       uuid          PRIMARY KEY,
    month                    date          NOT NULL UNIQUE CHECK (month = date_trunc('month', month)::date),
    -- CONFIRMING: tables generated, the provinces confirm (by the 25th, 第三十四条); CONFIRMED: every
    -- province with amounts has confirmed. Notices, finance and closing come later (docs/clearing.md).
    status                   varchar(16)   NOT NULL CHECK (status IN ('CONFIRMING', 'CONFIRMED')),
    generated_by             varchar(300)  NOT NULL,
    generated_at             timestamptz   NOT NULL,
    generation_ms            bigint        NOT NULL CHECK (generation_ms >= 0),
    -- what the tables hold: the reconciled settlements and their fund payment (附件7's grand total)
    settlements              bigint        NOT NULL CHECK (settlements >= 0),
    funds_total              numeric(18, 2) NOT NULL CHECK (funds_total >= 0),
    -- settled but not reconciled when the tables were generated: left out, for the centre to see
    unreconciled_settlements bigint        NOT NULL CHECK (unreconciled_settlements >= 0),
    unreconciled_funds       numeric(18, 2) NOT NULL CHECK (unreconciled_funds >= 0),
    confirmed_at             timestamptz,
    version                  bigint        NOT NULL DEFAULT 0,
    CHECK ((status = 'CONFIRMED') = (confirmed_at IS NOT NULL))
);

-- Every province of the month (the divisions' provinces when generated, names of the day) and
-- its confirmation. NOT_INVOLVED: no amount paid or received this month, nothing to confirm.
CREATE TABLE app.clearing_province (
    clearing_month_id uuid          NOT NULL REFERENCES app.clearing_month (id),
    province_code     varchar(6)    NOT NULL CHECK (province_code ~ '^[0-9]{2}0000$'),
    province_name     varchar(100)  NOT NULL,
    status            varchar(16)   NOT NULL CHECK (status IN ('NOT_INVOLVED', 'PENDING', 'CONFIRMED', 'DISPUTED')),
    confirmed_by      varchar(300),
    confirmed_at      timestamptz,
    PRIMARY KEY (clearing_month_id, province_code),
    CHECK ((status = 'CONFIRMED') = (confirmed_by IS NOT NULL AND confirmed_at IS NOT NULL))
);

-- A province's dispute of one province pair (its own and the other), with the reason; one per
-- pair and province. Resolving it (correct and regenerate the pair, or carry it to next month)
-- comes with the clearing process.
CREATE TABLE app.clearing_dispute (
    clearing_month_id uuid          NOT NULL REFERENCES app.clearing_month (id),
    province_code     varchar(6)    NOT NULL,
    pair_province     varchar(6)    NOT NULL CHECK (pair_province <> province_code),
    reason            varchar(500)  NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    raised_by         varchar(300)  NOT NULL,
    raised_at         timestamptz   NOT NULL,
    PRIMARY KEY (clearing_month_id, province_code, pair_province),
    FOREIGN KEY (clearing_month_id, province_code) REFERENCES app.clearing_province (clearing_month_id, province_code)
);

-- The generated tables, summed in the database from the month's reconciled settlements. Amounts
-- are fund payments (基金支付合计), never the person's cash. Kinds:
--   MATRIX      附件7: one line per 收款省 × 付款省 (area and 险种 empty)
--   PAYABLE     附件7-1: 付款省 × 收款省 × the paying side's 参保地 (area) × 险种
--   FUNDS       附件7-2 (EMPLOYEE) / 7-3 (RESIDENT): as PAYABLE, per column of the seed's table (item)
--   RECEIVABLE  附件7-6: 收款省 × 付款省 × the receiving side's 就医地 (area) × 险种
-- 附件7-4 / 7-5 (审核扣款) have no lines: deductions come with the audit of 第四十一条.
-- Areas stay in the lines so that a province can look at each of its pooling areas (第三十四条).
CREATE TABLE app.clearing_line (
    month              date          NOT NULL REFERENCES app.clearing_month (month),
    kind               varchar(12)   NOT NULL CHECK (kind IN ('MATRIX', 'PAYABLE', 'FUNDS', 'RECEIVABLE')),
    paying_province    varchar(6)    NOT NULL,   -- 付款省: the insured person's province (参保省)
    receiving_province varchar(6)    NOT NULL,   -- 收款省: the hospital's province (就医省)
    area_code          varchar(6),
    insurance_type     varchar(16)   CHECK (insurance_type IN ('EMPLOYEE', 'RESIDENT')),
    item               varchar(32)   NOT NULL,   -- FUNDS: the column (clearing.FundColumn); else FUNDS_TOTAL
    settlements        bigint        CHECK (settlements >= 0),  -- none for FUNDS (a settlement spans columns)
    amount             numeric(18, 2) NOT NULL CHECK (amount >= 0),
    CONSTRAINT clearing_line_key UNIQUE NULLS NOT DISTINCT
        (month, kind, paying_province, receiving_province, area_code, insurance_type, item),
    CHECK (paying_province <> receiving_province),
    CHECK ((kind = 'MATRIX') = (area_code IS NULL AND insurance_type IS NULL)),
    CHECK ((kind = 'FUNDS') = (settlements IS NULL))
);
-- 附件7-6 reads a province's lines by the receiving side
CREATE INDEX clearing_line_receiving ON app.clearing_line (month, kind, receiving_province);
