-- Administrative divisions (行政区划, GB/T 2260). The full national list is loaded by the
-- reference-data import; these rows are the units of the demo accounts.
CREATE TABLE division (
    code           VARCHAR(6)  PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
    name           VARCHAR(64) NOT NULL,
    province_code  VARCHAR(6)  NOT NULL,
    level          SMALLINT    NOT NULL CHECK (level BETWEEN 1 AND 3)
);

INSERT INTO division (code, name, province_code, level) VALUES
    ('110000', '北京市', '110000', 1),
    ('110105', '北京市朝阳区', '110000', 3),
    ('110108', '北京市海淀区', '110000', 3),
    ('350000', '福建省', '350000', 1),
    ('350200', '福建省厦门市', '350000', 2);
