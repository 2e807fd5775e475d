-- Official working-day calendar (工作日): only the exceptions to the Monday-to-Friday rule.
-- HOLIDAY = a day off (any day of a holiday, weekend days included, so each carries its name),
-- WORKDAY = a make-up workday (调休上班) on a weekend. One row per year that has data; a year
-- is replaced whole, in one transaction, by the calendar import.
CREATE TABLE app.calendar_day (
    day  DATE PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name TEXT NOT NULL
);

CREATE TABLE app.calendar_year (
    year        INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    -- the State Council General Office notice (国办发明电) or what a provisional year rests on
    source      TEXT        NOT NULL,
    -- statutory holidays only, no 调休: to be replaced when the year's notice is published
    provisional BOOLEAN     NOT NULL,
    sha256      TEXT,
    -- 'startup' for the files shipped with the application, else the admin who uploaded it
    loaded_by   TEXT        NOT NULL DEFAULT 'startup',
    loaded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
