-- pg_trgm cannot serve LIKE '%人民%': a pattern shorter than three characters has no
-- trigram, and Chinese names are searched by one or two characters. Index the name's
-- characters and adjacent character pairs instead; queries ask for the pattern's grams
-- (@>) and recheck with LIKE.
CREATE FUNCTION name_grams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
        SELECT substr(lower(t), i, 1) AS g FROM generate_series(1, length(t)) AS i
        UNION
        SELECT substr(lower(t), i, 2) FROM generate_series(1, length(t) - 1) AS i) AS grams
$$;

DROP INDEX designated_institution_name_trgm;
ALTER TABLE designated_institution
    ADD COLUMN name_grams text[] GENERATED ALWAYS AS (name_grams(name)) STORED;
CREATE INDEX designated_institution_name_grams ON designated_institution USING gin (name_grams);
