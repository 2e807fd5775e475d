-- Reference data: the full division list (imported from reference/divisions.csv at start-up
-- when the file changes) and the cross-province designated medical institutions.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE division
    ADD COLUMN parent_code VARCHAR(6),
    ADD COLUMN full_name VARCHAR(128),
    -- 北京, 天津, 上海, 重庆, 海南, 西藏, 兵团: filing to the province is enough (000, 001 承诺书 3)
    ADD COLUMN province_level_only BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE division SET full_name = name;
ALTER TABLE division ALTER COLUMN full_name SET NOT NULL;

CREATE TABLE reference_dataset (
    name        VARCHAR(64) PRIMARY KEY,
    sha256      CHAR(64)    NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL
);

-- 跨省联网定点医疗机构, columns of the national query screen (000)
CREATE TABLE designated_institution (
    code           VARCHAR(13)  PRIMARY KEY CHECK (code ~ '^[0-9]{13}$'),
    name           VARCHAR(200) NOT NULL,
    division_code  VARCHAR(6)   NOT NULL REFERENCES division (code),
    grade          VARCHAR(20)  NOT NULL,
    category       VARCHAR(20)  NOT NULL,
    address        VARCHAR(300) NOT NULL DEFAULT '',
    cross_province BOOLEAN      NOT NULL DEFAULT TRUE,
    demo           BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- serves name LIKE '%…%' on Chinese substrings (needs a UTF-8 ctype)
CREATE INDEX designated_institution_name_trgm ON designated_institution USING gin (name gin_trgm_ops);
-- serves division prefix filters (province '11%', city '3502%') with a stable order for paging
CREATE INDEX designated_institution_division ON designated_institution (division_code text_pattern_ops, code);
