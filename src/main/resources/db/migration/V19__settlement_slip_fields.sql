-- What the 住院结算单 (003 附件6) prints besides the amounts: the hospital's fields of the upload
-- and the names of the day (参保地, 就医地, their provinces, the hospital and its grade as the
-- institution list writes it), stored with the settlement so that a slip printed later shows what
-- was settled, also after a renamed hospital or a re-imported institution list. See docs/settlement.md.
--
-- Nullable on purpose: settlements uploaded before this version have no 住院号, 入院方式, 出院科室 or
-- names, and a default ('' or OTHER) would print something untrue on their slips (they print 「—」).
-- Speed is not the reason: a nullable column without default is a catalogue change only, on the
-- parent and every partition, with no rewrite of the months already stored. The application
-- writes all required fields for every new row, which the constraint below enforces for new rows.
ALTER TABLE app.settlement
    ADD COLUMN inpatient_no            text,     -- 住院号
    ADD COLUMN admission_way           text,     -- 入院方式: OUTPATIENT, EMERGENCY_ROOM, TRANSFER, OTHER
    ADD COLUMN discharge_department    text,     -- 出院科室
    ADD COLUMN social_security_card_no text,     -- 社会保障卡卡号, optional (附件6: 可选)
    ADD COLUMN diagnosis_names         text[],   -- as many as diagnosis_codes, in their order; null when not uploaded
    ADD COLUMN hospital_name           text,     -- 医院名称
    ADD COLUMN hospital_grade_name     text,     -- 医院等级 as printed (三级甲等); hospital_grade is what the policy used
    ADD COLUMN insured_area_name       text,     -- 参保地 (福建省厦门市)
    ADD COLUMN insured_province_name   text,
    ADD COLUMN medical_area_name       text,     -- 就医地: the institution's division (北京市朝阳区)
    ADD COLUMN medical_province_name   text;     -- whose name heads the slip

-- A row has the three required slip fields together (uploaded since V19) or none (before). NOT
-- VALID: the rows before have none, so there is nothing to check, and validating would read every
-- month stored; new and updated rows are checked all the same.
ALTER TABLE app.settlement ADD CONSTRAINT settlement_slip_fields CHECK (
    (inpatient_no IS NULL AND admission_way IS NULL AND discharge_department IS NULL)
    OR (inpatient_no IS NOT NULL AND discharge_department IS NOT NULL
        AND admission_way IN ('OUTPATIENT', 'EMERGENCY_ROOM', 'TRANSFER', 'OTHER'))) NOT VALID;
ALTER TABLE app.settlement ADD CONSTRAINT settlement_diagnosis_names CHECK (
    diagnosis_names IS NULL OR cardinality(diagnosis_names) = cardinality(diagnosis_codes)) NOT VALID;
