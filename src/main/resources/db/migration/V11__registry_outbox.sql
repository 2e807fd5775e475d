-- 上报国家备案库 as an outbox: a reportable event is written here in the transaction that records
-- it, and leaves when the national registry has acknowledged it (receipt in registry_report).
-- One reporter sends what is pending in batches, instead of one engine job per case.
CREATE TABLE app.registry_outbox (
    event_id bigint PRIMARY KEY REFERENCES app.filing_event (id)
);
INSERT INTO app.registry_outbox (event_id)
SELECT e.id FROM app.filing_event e
WHERE e.reportable AND NOT EXISTS (SELECT 1 FROM app.registry_report r WHERE r.event_id = e.id);
-- pending reports were found per filing through this index; the outbox replaces it
DROP INDEX app.filing_event_unreported_idx;
