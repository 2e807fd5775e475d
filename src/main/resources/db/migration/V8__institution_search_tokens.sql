-- One GIN index for every filter of the public institution query. Besides the name's
-- characters and character pairs (V3), the array holds tokens for the division at each
-- level ('d11', 'd3502', 'd350203'), the grade ('g三级甲等') and the category ('c综合医院');
-- a gram is one or two characters, a token at least three, so they never collide. A query
-- asks for all its tokens with one @>, and GIN intersects the posting lists: counting
-- 「中心」 within one province reads that province's ~20,000 entries instead of the
-- ~140,000 rows that contain 「中心」 (V3 plus the division btree).
ALTER TABLE designated_institution DROP COLUMN name_grams;
ALTER TABLE designated_institution
    -- functions in the expression are resolved now, whatever the search_path of later inserts
    ADD COLUMN search_tokens text[] GENERATED ALWAYS AS (
        name_grams(name) || ARRAY['d' || left(division_code, 2), 'd' || left(division_code, 4), 'd' || division_code,
                                  'g' || grade, 'c' || category]) STORED;
CREATE INDEX designated_institution_search_tokens ON designated_institution USING gin (search_tokens);

-- The page is read in (division, code) order. A text_pattern_ops index serves LIKE '35%' but
-- not ORDER BY, so a name-only query sorted every match (~140,000 rows for 「中心」 at
-- national scale). A "C"-collation btree serves both: the queries say COLLATE "C" (codes are
-- digits, so the order is the same as in any collation).
DROP INDEX designated_institution_division;
CREATE INDEX designated_institution_division ON designated_institution (division_code COLLATE "C", code COLLATE "C");
