-- 实名认证 (real-name binding), consented family links, and one canonical form of every ID number.

-- The one stored form of an ID number: no whitespace, ASCII digits, upper-case X (IdNumber.canonical).
CREATE FUNCTION app.canonical_id_number(raw text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT upper(translate(regexp_replace(raw, '[[:space:]　]', '', 'g'), '０１２３４５６７８９ｘＸ', '0123456789XX'))
$$;

-- Repair filings stored as typed (lower-case x, spaces). A repaired row that now overlaps an active
-- filing of the same person was a duplicate the exclusion constraint could not see: it is closed.
DO $$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT id FROM app.filing WHERE person_id_number <> app.canonical_id_number(person_id_number)
             ORDER BY submitted_at LOOP
        BEGIN
            UPDATE app.filing SET person_id_number = app.canonical_id_number(person_id_number) WHERE id = f.id;
        EXCEPTION WHEN exclusion_violation THEN
            UPDATE app.filing SET person_id_number = app.canonical_id_number(person_id_number), status = 'CLOSED',
                   status_reason = '与同一人员的另一有效备案重复，已关闭', updated_at = now(), version = version + 1
            WHERE id = f.id;
            INSERT INTO app.filing_event (filing_id, actor, action, status, reason)
            VALUES (f.id, 'system:migration', '关闭重复备案', 'CLOSED', '身份证号码格式修复后与同一人员的另一有效备案重复');
        END;
    END LOOP;
END $$;

ALTER TABLE app.chronic_institution_choice DROP CONSTRAINT chronic_institution_choice_person_id_number_disease_code_fkey;
DELETE FROM app.chronic_qualification q
WHERE q.person_id_number <> app.canonical_id_number(q.person_id_number)
  AND EXISTS (SELECT 1 FROM app.chronic_qualification c
              WHERE c.person_id_number = app.canonical_id_number(q.person_id_number) AND c.disease_code = q.disease_code);
UPDATE app.chronic_qualification SET person_id_number = app.canonical_id_number(person_id_number)
WHERE person_id_number <> app.canonical_id_number(person_id_number);
UPDATE app.chronic_institution_choice SET person_id_number = app.canonical_id_number(person_id_number)
WHERE person_id_number <> app.canonical_id_number(person_id_number);
ALTER TABLE app.chronic_institution_choice ADD CONSTRAINT chronic_institution_choice_person_id_number_disease_code_fkey
    FOREIGN KEY (person_id_number, disease_code) REFERENCES app.chronic_qualification (person_id_number, disease_code);

-- every ID column refuses any other form (the registry's own columns had this check already;
-- the columns referencing it are covered by their foreign keys, and checked here as well)
ALTER TABLE app.filing ADD CONSTRAINT filing_person_id_canonical
    CHECK (person_id_number ~ '^[1-9][0-9]{16}[0-9X]$');
ALTER TABLE app.chronic_qualification ADD CONSTRAINT chronic_qualification_person_id_canonical
    CHECK (person_id_number ~ '^[1-9][0-9]{16}[0-9X]$');
ALTER TABLE app.chronic_institution_choice ADD CONSTRAINT chronic_choice_person_id_canonical
    CHECK (person_id_number ~ '^[1-9][0-9]{16}[0-9X]$');
ALTER TABLE app.contribution_period ADD CONSTRAINT contribution_period_id_canonical
    CHECK (id_number ~ '^[1-9][0-9]{16}[0-9X]$');
ALTER TABLE app.family_member ADD CONSTRAINT family_member_ids_canonical
    CHECK (owner_id_number ~ '^[1-9][0-9]{16}[0-9X]$' AND member_id_number ~ '^[1-9][0-9]{16}[0-9X]$');

-- 预留手机号: where the binding code is sent; only the insured registry supplies it
ALTER TABLE app.insurance_record ADD COLUMN mobile varchar(11) CHECK (mobile ~ '^1[3-9][0-9]{9}$');

-- 家庭共济关系 as the insured registry records it: a family link it backs needs no further consent
CREATE TABLE app.family_mutual_aid (
    id_number          varchar(18) NOT NULL REFERENCES app.insurance_record (id_number) ON DELETE CASCADE,
    relative_id_number varchar(18) NOT NULL REFERENCES app.insurance_record (id_number) ON DELETE CASCADE,
    relationship       varchar(16) NOT NULL CHECK (relationship IN ('SPOUSE', 'PARENT', 'CHILD', 'OTHER')),
    PRIMARY KEY (id_number, relative_id_number),
    CHECK (id_number <> relative_id_number)
);
CREATE INDEX family_mutual_aid_relative ON app.family_mutual_aid (relative_id_number);

-- An account links to a registry person only through a proof (SMS code to the registry's mobile
-- number, or a counter clerk who saw the ID card). Links made before from a typed ID number
-- proved nothing: they are dropped, and those accounts bind again.
DROP TABLE app.account_link;
CREATE TABLE app.account_binding (
    account   text        PRIMARY KEY CHECK (account LIKE 'insured:%'),     -- realm:username
    id_number varchar(18) NOT NULL UNIQUE REFERENCES app.insurance_record (id_number)
                          CHECK (id_number ~ '^[1-9][0-9]{16}[0-9X]$'),
    method    text        NOT NULL CHECK (method IN ('SMS_CODE', 'COUNTER', 'DEMO')),
    bound_by  text        NOT NULL,                                         -- the account itself, or the clerk
    bound_at  timestamptz NOT NULL DEFAULT now()
);

-- who bound, moved or released which person, and why; never updated or deleted
CREATE TABLE app.account_binding_audit (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at               timestamptz NOT NULL DEFAULT now(),
    actor            text NOT NULL,
    action           text NOT NULL CHECK (action IN ('BOUND', 'MOVED')),
    method           text NOT NULL CHECK (method IN ('SMS_CODE', 'COUNTER', 'DEMO')),
    id_number        varchar(18) NOT NULL CHECK (id_number ~ '^[1-9][0-9]{16}[0-9X]$'),
    account          text NOT NULL,
    previous_account text,
    note             text
);
CREATE INDEX account_binding_audit_person ON app.account_binding_audit (id_number, at);

-- one-time codes: an SMS code for a claimed person, or a counter code that names the account at
-- the counter; kept hashed, limited in time and tries, counted per account and per person
CREATE TABLE app.binding_challenge (
    id         uuid        PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('SMS_CODE', 'COUNTER_CODE')),
    account    text        NOT NULL,
    id_number  varchar(18) CHECK (id_number ~ '^[1-9][0-9]{16}[0-9X]$'),
    code_hash  text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    attempts   int         NOT NULL DEFAULT 0,
    used_at    timestamptz,
    CHECK ((kind = 'SMS_CODE') = (id_number IS NOT NULL))
);
CREATE INDEX binding_challenge_account ON app.binding_challenge (account, created_at);
CREATE INDEX binding_challenge_person ON app.binding_challenge (id_number, created_at);
CREATE UNIQUE INDEX binding_challenge_counter_code ON app.binding_challenge (code_hash) WHERE kind = 'COUNTER_CODE';

-- Family links need the member's consent, the registry's word or a counter clerk. Links made
-- before with a name and a number alone wait for the member's confirmation.
ALTER TABLE app.family_member
    ADD COLUMN status       text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACTIVE')),
    ADD COLUMN basis        text CHECK (basis IN ('MEMBER_CONSENT', 'REGISTRY', 'COUNTER')),
    ADD COLUMN confirmed_at timestamptz,
    ADD COLUMN recorded_by  text,
    ADD CONSTRAINT family_member_active_has_basis CHECK ((status = 'ACTIVE') = (basis IS NOT NULL));

-- every attempt to add a member, also refused ones: the limit against guessing
CREATE TABLE app.family_link_attempt (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id_number varchar(18) NOT NULL,
    at              timestamptz NOT NULL DEFAULT now(),
    succeeded       boolean NOT NULL
);
CREATE INDEX family_link_attempt_owner ON app.family_link_attempt (owner_id_number, at);
