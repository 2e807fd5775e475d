-- 统筹区: opening status for cross-province settlement, filing mode, agency contact and the
-- bank account used in transfers. Every edit is audited field by field.
CREATE TABLE pooling_area (
    code                VARCHAR(6)   PRIMARY KEY REFERENCES division (code),
    province_code       VARCHAR(6)   NOT NULL,
    cross_province_open BOOLEAN      NOT NULL DEFAULT TRUE,
    opened_on           DATE,
    filing_mode         VARCHAR(16)  NOT NULL CHECK (filing_mode IN ('SELF_SERVICE', 'QUICK')),
    -- the day the area switched from quick to self-service filing (004 §2.1.1.2)
    mode_switched_on    DATE,
    agency_name         VARCHAR(100) NOT NULL,
    agency_phone        VARCHAR(40)  NOT NULL DEFAULT '',
    agency_address      VARCHAR(200) NOT NULL DEFAULT '',
    bank_account_name   VARCHAR(100) NOT NULL DEFAULT '',
    bank_name           VARCHAR(100) NOT NULL DEFAULT '',
    bank_account_no     VARCHAR(40)  NOT NULL DEFAULT '',
    version             INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX pooling_area_province ON pooling_area (province_code, code);

CREATE TABLE pooling_area_audit (
    id         BIGSERIAL    PRIMARY KEY,
    area_code  VARCHAR(6)   NOT NULL REFERENCES pooling_area (code),
    changed_by VARCHAR(100) NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    field      VARCHAR(40)  NOT NULL,
    old_value  VARCHAR(200),
    new_value  VARCHAR(200)
);
CREATE INDEX pooling_area_audit_area ON pooling_area_audit (area_code, changed_at DESC);
