-- 个人账户余额 and 欠费金额 of an insured person, as the 医疗保险关系转移接续 needs them: the
-- balance moves with the person (转出 pays it out and sets it to 0, 转入 credits it), and
-- arrears stop a transfer. Kept beside the registry record, not in it, because only the
-- transfer reads and writes them and most persons (all residents) never have a row:
-- no row means 0.00 and 0.00. Amounts in yuan with two decimals, never negative (an
-- overdraft would be a bug, not a state).
CREATE TABLE app.insurance_account (
    id_number  VARCHAR(18)    PRIMARY KEY REFERENCES app.insurance_record (id_number)
                              CHECK (id_number ~ '^[1-9][0-9]{16}[0-9X]$'),
    balance    NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
    arrears    NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (arrears >= 0),
    updated_at TIMESTAMPTZ    NOT NULL DEFAULT now()
);
