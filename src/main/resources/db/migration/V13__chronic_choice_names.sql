-- A choice keeps the disease and institution names it was made with, so the filing module reads
-- its own table only (the qualification belongs to the registry, the institution to the
-- reference data) and a later renaming does not rewrite what the person chose.
ALTER TABLE app.chronic_institution_choice ADD COLUMN disease_name text, ADD COLUMN institution_name text;
UPDATE app.chronic_institution_choice c SET disease_name = q.disease_name
FROM app.chronic_qualification q WHERE q.person_id_number = c.person_id_number AND q.disease_code = c.disease_code;
UPDATE app.chronic_institution_choice c SET institution_name = i.name
FROM app.designated_institution i WHERE i.code = c.institution_code;
ALTER TABLE app.chronic_institution_choice ALTER COLUMN disease_name SET NOT NULL,
    ALTER COLUMN institution_name SET NOT NULL;
