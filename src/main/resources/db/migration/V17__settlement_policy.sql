-- 结算待遇政策: one row per policy version (参保地 × 险种 × 人员类别 × 生效日期). The deductible and
-- the funds (in paying order) are JSONB in the format of the policy file (docs/settlement.md) and
-- pass the model's validation (PolicyValidation) when they are read. A version in force today or
-- earlier is never changed: the application only inserts later versions or changes future ones.
CREATE TABLE app.settlement_policy_version (
    id              BIGSERIAL     PRIMARY KEY,
    insured_area    VARCHAR(6)    NOT NULL CHECK (insured_area ~ '^[0-9]{6}$'),
    insurance_type  VARCHAR(16)   NOT NULL CHECK (insurance_type IN ('EMPLOYEE', 'RESIDENT')),
    person_type     VARCHAR(24)   NOT NULL,
    effective_from  DATE          NOT NULL,
    deductible      JSONB         NOT NULL CHECK (jsonb_typeof(deductible) = 'object'),
    funds           JSONB         NOT NULL CHECK (jsonb_typeof(funds) = 'array' AND jsonb_array_length(funds) > 0),
    created_by      VARCHAR(300)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    changed_by      VARCHAR(300)  NOT NULL,
    changed_at      TIMESTAMPTZ   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT settlement_policy_version_key UNIQUE (insured_area, insurance_type, person_type, effective_from)
);

-- every save: who, when, which version, and the policy (file format) before and after
CREATE TABLE app.settlement_policy_audit (
    id              BIGSERIAL     PRIMARY KEY,
    changed_by      VARCHAR(300)  NOT NULL,
    changed_at      TIMESTAMPTZ   NOT NULL,
    insured_area    VARCHAR(6)    NOT NULL,
    insurance_type  VARCHAR(16)   NOT NULL,
    person_type     VARCHAR(24)   NOT NULL,
    effective_from  DATE          NOT NULL,
    action          VARCHAR(16)   NOT NULL CHECK (action IN ('NEW_VERSION', 'CHANGE', 'DEMO_LOAD')),
    -- CHANGE: the version's previous content; NEW_VERSION: the version in force from that date before, if any
    old_policy      JSONB,
    new_policy      JSONB         NOT NULL
);
CREATE INDEX settlement_policy_audit_key ON app.settlement_policy_audit
    (insured_area, insurance_type, person_type, changed_at DESC);
