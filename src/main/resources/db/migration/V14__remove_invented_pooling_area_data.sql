-- Older versions seeded the pooling areas on their first start with invented values, in
-- production too (PoolingAreaSeed): agency 「<area>医疗保障事务中心」, phone 12393, address
-- 「<area>政务服务中心医保窗口」, a demo bank account 「…（演示）」 / 「演示银行…支行」 / 6200<code>0001,
-- opened on 2017-01-01, switched to self-service on 2023-01-01, and the county-level demo
-- districts 北京市朝阳区 110105 and 北京市海淀区 110108 as pooling areas of their own.
--
-- A field that still holds exactly the seed's value and was never saved by an admin (no row in
-- pooling_area_audit for that field) is emptied; a demo district that nobody edited and nothing
-- refers to (insured persons, filings …) is removed. What admins entered stays. Demo runs
-- (app.demo-data.enabled: the local run, the tests) put the demo values back at start
-- (DemoPoolingAreaLoader), so they look as before.

UPDATE app.pooling_area p SET agency_name = ''
FROM app.division d
WHERE d.code = p.code AND p.agency_name = d.full_name || '医疗保障事务中心'
  AND NOT EXISTS (SELECT 1 FROM app.pooling_area_audit a WHERE a.area_code = p.code AND a.field = 'agency_name');

UPDATE app.pooling_area p SET agency_phone = ''
WHERE p.agency_phone = '12393'
  AND NOT EXISTS (SELECT 1 FROM app.pooling_area_audit a WHERE a.area_code = p.code AND a.field = 'agency_phone');

UPDATE app.pooling_area p SET agency_address = ''
FROM app.division d
WHERE d.code = p.code AND p.agency_address = d.full_name || '政务服务中心医保窗口'
  AND NOT EXISTS (SELECT 1 FROM app.pooling_area_audit a WHERE a.area_code = p.code AND a.field = 'agency_address');

UPDATE app.pooling_area p SET bank_account_name = ''
FROM app.division d
WHERE d.code = p.code AND p.bank_account_name = d.full_name || '医疗保障基金财政专户（演示）'
  AND NOT EXISTS (SELECT 1 FROM app.pooling_area_audit a WHERE a.area_code = p.code AND a.field = 'bank_account_name');

UPDATE app.pooling_area p SET bank_name = ''
FROM app.division d
WHERE d.code = p.code AND p.bank_name = '演示银行' || d.full_name || '支行'
  AND NOT EXISTS (SELECT 1 FROM app.pooling_area_audit a WHERE a.area_code = p.code AND a.field = 'bank_name');

UPDATE app.pooling_area p SET bank_account_no = ''
WHERE p.bank_account_no = '6200' || p.code || '0001'
  AND NOT EXISTS (SELECT 1 FROM app.pooling_area_audit a WHERE a.area_code = p.code AND a.field = 'bank_account_no');

UPDATE app.pooling_area p SET opened_on = NULL
WHERE p.opened_on = DATE '2017-01-01'
  AND NOT EXISTS (SELECT 1 FROM app.pooling_area_audit a WHERE a.area_code = p.code AND a.field = 'opened_on');

UPDATE app.pooling_area p SET mode_switched_on = NULL
WHERE p.mode_switched_on = DATE '2023-01-01'
  AND NOT EXISTS (SELECT 1 FROM app.pooling_area_audit a WHERE a.area_code = p.code
                  AND a.field IN ('mode_switched_on', 'filing_mode'));

DO $$
DECLARE
    district text;
BEGIN
    FOR district IN
        SELECT p.code FROM app.pooling_area p
        WHERE p.code IN ('110105', '110108')
          AND NOT EXISTS (SELECT 1 FROM app.pooling_area_audit a WHERE a.area_code = p.code)
    LOOP
        BEGIN
            DELETE FROM app.pooling_area WHERE code = district;
        EXCEPTION WHEN foreign_key_violation THEN
            -- registry persons, contribution periods or filings name it: it stays, emptied above
            NULL;
        END;
    END LOOP;
END $$;
