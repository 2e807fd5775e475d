-- English beside Chinese (issue 17): each step of a filing's history keeps its text in both
-- languages. Steps recorded before have none; the application shows their Chinese text instead.
ALTER TABLE app.filing_event ADD COLUMN action_en text;

-- 附件1 (登记备案表) lists four 险种: 城镇职工, 城镇居民, 新农合 and 城乡居民. 城镇居民 and 新农合 are the
-- resident schemes from before their merger into 城乡居民 (2016, 国发〔2016〕3号); areas that have not
-- merged yet still insure people under them. A person's and a filing's type may now be any of the
-- four. Settlement policies (V17) and clearing lines (V21) stay two-valued: a policy and a fund
-- exist per merged type, and settlements record the policy's type.
DO $$
DECLARE c record;
BEGIN
    FOR c IN SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
             WHERE conrelid IN ('app.filing'::regclass, 'app.insurance_record'::regclass,
                                'app.contribution_period'::regclass, 'app.transfer_case'::regclass)
               AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%insurance_type%' LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.tbl, c.conname);
    END LOOP;
END $$;
ALTER TABLE app.filing ADD CONSTRAINT filing_insurance_type
    CHECK (insurance_type IN ('EMPLOYEE', 'URBAN_RESIDENT', 'NCMS', 'RESIDENT'));
ALTER TABLE app.insurance_record ADD CONSTRAINT insurance_record_insurance_type
    CHECK (insurance_type IN ('EMPLOYEE', 'URBAN_RESIDENT', 'NCMS', 'RESIDENT'));
ALTER TABLE app.contribution_period ADD CONSTRAINT contribution_period_insurance_type
    CHECK (insurance_type IN ('EMPLOYEE', 'URBAN_RESIDENT', 'NCMS', 'RESIDENT'));
ALTER TABLE app.transfer_case ADD CONSTRAINT transfer_case_insurance_type
    CHECK (insurance_type IN ('EMPLOYEE', 'URBAN_RESIDENT', 'NCMS', 'RESIDENT'));
