-- 月度清算's money (003 第三十六、三十七条): once the notices are published, each province with amounts
-- hands them to its finance department, finance transfers what the province pays and reports back,
-- the province reports to the centre and confirms what it receives, and settles with its pooling
-- areas (上解/下拨). One row per province and step, written when the step opens (its working-day
-- deadline) and when it is done (who, when). See docs/clearing.md.
CREATE TABLE app.clearing_finance_step (
    clearing_month_id uuid         NOT NULL REFERENCES app.clearing_month (id),
    province_code     varchar(6)   NOT NULL CHECK (province_code ~ '^[0-9]{2}0000$'),
    step              varchar(16)  NOT NULL CHECK (step IN ('HAND_OVER', 'TRANSFER', 'FEEDBACK', 'REPORT', 'RECEIPT', 'SETTLE_AREAS')),
    opened_at         timestamptz  NOT NULL,
    due               timestamptz  NOT NULL CHECK (due > opened_at),
    done_by           varchar(300),
    done_at           timestamptz,
    -- e.g. 财政划拨凭证号, 到账日期
    note              varchar(200) CHECK (length(note) <= 200),
    escalated_at      timestamptz,
    PRIMARY KEY (clearing_month_id, province_code, step),
    CHECK ((done_by IS NULL) = (done_at IS NULL))
);

-- 清算完成: every province has settled with its pooling areas.
ALTER TABLE app.clearing_month
    ADD COLUMN settled_at timestamptz,
    DROP CONSTRAINT clearing_month_status,
    DROP CONSTRAINT clearing_month_notices,
    ADD CONSTRAINT clearing_month_status CHECK (status IN ('CONFIRMING', 'CONFIRMED', 'NOTICES_PUBLISHED', 'SETTLED')),
    ADD CONSTRAINT clearing_month_notices CHECK ((status IN ('NOTICES_PUBLISHED', 'SETTLED')) = (notices_published_at IS NOT NULL)),
    ADD CONSTRAINT clearing_month_settled CHECK ((status = 'SETTLED') = (settled_at IS NOT NULL));
