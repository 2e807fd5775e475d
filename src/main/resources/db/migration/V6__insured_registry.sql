-- 参保信息: who is insured where (one current record per person), their contribution periods,
-- the family members an insured person may file for, and the link from a login account to
-- the registry entry of its ID number (first login of an insured person).
CREATE TABLE app.insurance_record (
    id_number         VARCHAR(18)  PRIMARY KEY CHECK (id_number ~ '^[1-9][0-9]{16}[0-9X]$'),
    name              VARCHAR(64)  NOT NULL CHECK (length(trim(name)) > 0),
    sex               CHAR(1)      NOT NULL CHECK (sex IN ('M', 'F')),
    birth_date        DATE         NOT NULL,
    pooling_area_code VARCHAR(6)   NOT NULL REFERENCES app.pooling_area (code),
    -- 城镇职工 / 城乡居民
    insurance_type    VARCHAR(16)  NOT NULL CHECK (insurance_type IN ('EMPLOYEE', 'RESIDENT')),
    -- 在职 / 退休 / 灵活就业 / 城乡居民 / 学生儿童
    person_type       VARCHAR(24)  NOT NULL CHECK (person_type IN ('IN_SERVICE', 'RETIRED', 'FLEXIBLE_EMPLOYMENT', 'RESIDENT', 'STUDENT_CHILD')),
    -- 正常参保 / 暂停参保 / 终止参保
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('NORMAL', 'SUSPENDED', 'TERMINATED')),
    employer          VARCHAR(200),
    demo              BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX insurance_record_area ON app.insurance_record (pooling_area_code);

-- 缴费期间 (起止年月); an open period has no end month
CREATE TABLE app.contribution_period (
    id                BIGSERIAL    PRIMARY KEY,
    id_number         VARCHAR(18)  NOT NULL REFERENCES app.insurance_record (id_number) ON DELETE CASCADE,
    pooling_area_code VARCHAR(6)   NOT NULL REFERENCES app.pooling_area (code),
    insurance_type    VARCHAR(16)  NOT NULL CHECK (insurance_type IN ('EMPLOYEE', 'RESIDENT')),
    start_month       DATE         NOT NULL CHECK (extract(day FROM start_month) = 1),
    end_month         DATE         CHECK (extract(day FROM end_month) = 1),
    CHECK (end_month IS NULL OR end_month >= start_month)
);
CREATE INDEX contribution_period_person ON app.contribution_period (id_number, start_month);

-- 家庭成员: whom an insured person may file for (为他人备案); ref is the opaque handle the
-- API and the screens use, so that lists never carry full ID numbers
CREATE TABLE app.family_member (
    owner_id_number  VARCHAR(18)  NOT NULL REFERENCES app.insurance_record (id_number),
    member_id_number VARCHAR(18)  NOT NULL REFERENCES app.insurance_record (id_number),
    member_name      VARCHAR(64)  NOT NULL,
    relationship     VARCHAR(16)  NOT NULL CHECK (relationship IN ('SPOUSE', 'PARENT', 'CHILD', 'OTHER')),
    ref              UUID         NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id_number, member_id_number),
    CHECK (owner_id_number <> member_id_number)
);
CREATE INDEX family_member_member ON app.family_member (member_id_number);

-- login account (realm + username) -> registry entry; one account per ID number and realm
CREATE TABLE app.account_link (
    realm     VARCHAR(32)  NOT NULL,
    username  VARCHAR(255) NOT NULL,
    id_number VARCHAR(18)  NOT NULL REFERENCES app.insurance_record (id_number),
    linked_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (realm, username),
    UNIQUE (realm, id_number)
);
