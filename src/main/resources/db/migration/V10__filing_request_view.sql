-- Every request on a filing, whatever its kind, in one shape: 办件进度 and the clerks' inbox
-- read the four request tables through this view.
CREATE VIEW app.filing_request AS
SELECT 'CHANGE' AS kind, c.id, c.filing_id, c.process_instance_id, f.application_serial AS reference,
       f.person_id_number, f.person_name, c.requested_at AS at, c.status
FROM app.filing_change c JOIN app.filing f ON f.id = c.filing_id
UNION ALL
SELECT 'CANCELLATION', c.id, c.filing_id, c.process_instance_id, f.application_serial,
       f.person_id_number, f.person_name, c.requested_at, c.status
FROM app.filing_cancellation c JOIN app.filing f ON f.id = c.filing_id
UNION ALL
SELECT 'SUPPLEMENT', s.id, s.filing_id, s.process_instance_id, f.application_serial,
       f.person_id_number, f.person_name, s.submitted_at, s.status
FROM app.filing_supplement s JOIN app.filing f ON f.id = s.filing_id
UNION ALL
SELECT 'CHRONIC_CHOICE', c.id, c.filing_id, c.process_instance_id, c.serial,
       f.person_id_number, f.person_name, c.submitted_at, c.status
FROM app.chronic_institution_choice c JOIN app.filing f ON f.id = c.filing_id;

-- the inbox looks requests up by their case
CREATE INDEX filing_change_process_idx ON app.filing_change (process_instance_id);
CREATE INDEX filing_cancellation_process_idx ON app.filing_cancellation (process_instance_id);
CREATE INDEX filing_supplement_process_idx ON app.filing_supplement (process_instance_id);
CREATE INDEX chronic_choice_process_idx ON app.chronic_institution_choice (process_instance_id);
