-- 预付金's money between the provinces (003 第十七、十九条): the initial quota the provinces report and
-- the centre confirms, and each province's hand-over, transfer and arrival of a year's quotas.

-- 'INITIAL': 第十七条, the quotas reported by the provinces; 'YEARLY': 第十八条, two months of last year
ALTER TABLE app.prepayment_year
    ADD COLUMN kind varchar(8) NOT NULL DEFAULT 'YEARLY' CHECK (kind IN ('INITIAL', 'YEARLY'));

-- 第十七条: a paying province's report of what it advances each receiving province, until the centre confirms
CREATE TABLE app.prepayment_report (
    id              uuid         PRIMARY KEY,
    year            integer      NOT NULL CHECK (year BETWEEN 2016 AND 2100),
    paying_province varchar(6)   NOT NULL CHECK (paying_province ~ '^[0-9]{2}0000$'),
    reported_by     varchar(300) NOT NULL,
    reported_at     timestamptz  NOT NULL,
    version         bigint       NOT NULL,
    UNIQUE (year, paying_province)
);

CREATE TABLE app.prepayment_report_line (
    report_id          uuid           NOT NULL REFERENCES app.prepayment_report (id),
    receiving_province varchar(6)     NOT NULL CHECK (receiving_province ~ '^[0-9]{2}0000$'),
    amount             numeric(18, 2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (report_id, receiving_province)
);

-- 第十九条: one case per province and year that pays or receives a difference
CREATE TABLE app.prepayment_year_finance (
    id                  uuid        PRIMARY KEY,
    year                integer     NOT NULL REFERENCES app.prepayment_year (year),
    province            varchar(6)  NOT NULL CHECK (province ~ '^[0-9]{2}0000$'),
    pays                boolean     NOT NULL,
    receives            boolean     NOT NULL,
    process_instance_id varchar(64) UNIQUE,
    UNIQUE (year, province),
    CHECK (pays OR receives)
);

CREATE TABLE app.prepayment_year_finance_step (
    year_finance_id uuid         NOT NULL REFERENCES app.prepayment_year_finance (id),
    step            varchar(16)  NOT NULL CHECK (step IN ('HAND_OVER', 'TRANSFER', 'RECEIPT')),
    opened_at       timestamptz  NOT NULL,
    due             timestamptz  NOT NULL CHECK (due > opened_at),
    done_by         varchar(300),
    done_at         timestamptz,
    note            varchar(200),
    escalated_at    timestamptz,
    PRIMARY KEY (year_finance_id, step),
    CHECK ((done_by IS NULL) = (done_at IS NULL))
);
