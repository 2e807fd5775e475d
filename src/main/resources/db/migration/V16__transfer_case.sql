-- 医疗保险关系转移接续: one row per transfer case, spanning the out-area (转出地) and the
-- in-area (转入地). The process (bpmn/medical-insurance-transfer.bpmn) moves the status; the
-- registry changes of each step are made in the same transaction as the status change.
CREATE SEQUENCE app.transfer_serial;              -- 流水号
CREATE SEQUENCE app.transfer_certificate_serial;  -- running part of the 凭证号

CREATE TABLE app.transfer_case (
    id                   UUID          PRIMARY KEY,
    serial_no            BIGINT        NOT NULL UNIQUE,
    -- where the person applied: OUT = 转出申请 in the out-area, IN = 异地转入申请 in the in-area
    direction            VARCHAR(8)    NOT NULL CHECK (direction IN ('OUT', 'IN')),
    status               VARCHAR(24)   NOT NULL CHECK (status IN ('IN_AREA_ACCEPTANCE', 'OUT_AREA_REVIEW',
                                                   'TRANSFERRING_OUT', 'TRANSFERRING_IN', 'COMPLETED', 'REFUSED')),
    person_id_number     VARCHAR(18)   NOT NULL REFERENCES app.insurance_record (id_number),
    person_name          VARCHAR(64)   NOT NULL,
    phone                VARCHAR(20)   NOT NULL CHECK (phone ~ '^1[3-9][0-9]{9}$'),
    insurance_type       VARCHAR(16)   NOT NULL CHECK (insurance_type IN ('EMPLOYEE', 'RESIDENT')),
    person_type          VARCHAR(24)   NOT NULL,
    out_area_code        VARCHAR(6)    NOT NULL REFERENCES app.pooling_area (code),
    in_area_code         VARCHAR(6)    NOT NULL REFERENCES app.pooling_area (code) CHECK (in_area_code <> out_area_code),
    applicant_account    VARCHAR(300)  NOT NULL,
    submitted_at         TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    process_instance_id  VARCHAR(64),
    -- 前台经办落地审核 of a transfer-in: who saw the person's identity and documents
    accepted_by          VARCHAR(300),
    accepted_at          TIMESTAMPTZ,
    refused_step         VARCHAR(24),
    refuse_reason        VARCHAR(500),
    refused_by           VARCHAR(300),
    -- 转出: 凭证号, the out-area periods and months, the balance sent (an amount record)
    certificate_no       VARCHAR(20)   UNIQUE,
    transferred_out_at   TIMESTAMPTZ,
    transferred_out_by   VARCHAR(300),
    out_first_month      DATE,
    out_last_month       DATE,
    out_months           INTEGER,
    balance              NUMERIC(12, 2) CHECK (balance >= 0),
    -- 转入: the amount the in-area saw arrive, and when it was credited (once)
    balance_received     NUMERIC(12, 2) CHECK (balance_received >= 0),
    balance_credited_at  TIMESTAMPTZ,
    transferred_in_at    TIMESTAMPTZ,
    transferred_in_by    VARCHAR(300),
    accumulated_months   INTEGER,
    version              BIGINT        NOT NULL DEFAULT 0,
    CHECK (status <> 'REFUSED' OR refuse_reason IS NOT NULL),
    CHECK (balance_credited_at IS NULL OR balance_received = balance)
);

-- at most one running transfer per person: two submissions at once give one case
CREATE UNIQUE INDEX transfer_case_one_running ON app.transfer_case (person_id_number)
    WHERE status NOT IN ('COMPLETED', 'REFUSED');
CREATE INDEX transfer_case_person ON app.transfer_case (person_id_number, submitted_at DESC);
CREATE INDEX transfer_case_out_area ON app.transfer_case (out_area_code, submitted_at DESC);
CREATE INDEX transfer_case_in_area ON app.transfer_case (in_area_code, submitted_at DESC);
CREATE UNIQUE INDEX transfer_case_process ON app.transfer_case (process_instance_id);
