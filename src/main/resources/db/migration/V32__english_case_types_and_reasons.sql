-- 已办任务 in English (issue 18 point 5): the case type as the inbox showed it, in English beside the Chinese one.
-- Rows written before are translated from their Chinese text; area names inside a transfer's type stay as stored.
ALTER TABLE app.handled_task ADD COLUMN case_type_en text;

UPDATE app.handled_task SET case_type_en = CASE
        WHEN case_type = '异地就医备案·异地安置退休人员' THEN 'Cross-province filing · Retired and resettled elsewhere'
        WHEN case_type = '异地就医备案·异地长期居住人员' THEN 'Cross-province filing · Living elsewhere long-term'
        WHEN case_type = '异地就医备案·常驻异地工作人员' THEN 'Cross-province filing · Stationed elsewhere by employer'
        WHEN case_type = '异地就医备案·异地转诊人员' THEN 'Cross-province filing · Referred elsewhere'
        WHEN case_type = '异地就医备案·其他跨省临时外出就医人员' THEN 'Cross-province filing · Other temporary treatment elsewhere'
        WHEN case_type = '备案信息变更' THEN 'Filing change'
        WHEN case_type = '取消备案' THEN 'Cancellation'
        WHEN case_type = '补充材料' THEN 'Supplemental materials'
        WHEN case_type = '门诊慢特病医疗机构选择' THEN 'Chronic disease institution'
        WHEN case_type LIKE '关系转移接续（%）%' THEN
            'Insurance transfer ('
            || CASE WHEN case_type LIKE '关系转移接续（转出%' THEN 'transfer-out' ELSE 'transfer-in' END
            || ' · ' || CASE WHEN case_type LIKE '%·省内）%' THEN 'within the province' ELSE 'cross-province' END
            || ') ' || replace(substring(case_type FROM '）(.*)$'), '→', ' → ')
        END
WHERE case_type IS NOT NULL;

-- The reasons the application itself writes (a withdrawal, the registry's refusal) in English beside the Chinese; a
-- clerk's own words have none and are shown as written. Older withdrawals are translated; older refusals keep Chinese.
ALTER TABLE app.filing ADD COLUMN status_reason_en text;
ALTER TABLE app.filing_event ADD COLUMN reason_en text;
UPDATE app.filing SET status_reason_en = 'Withdrawn by the applicant' WHERE status_reason = '申请人撤回';
UPDATE app.filing_event SET reason_en = 'Withdrawn by the applicant' WHERE reason = '申请人撤回';
