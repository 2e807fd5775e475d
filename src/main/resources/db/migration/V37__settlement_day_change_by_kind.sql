-- A day's change markers looked up by kind. Every upload appends one (V34/V35), so the current day
-- holds as many markers as uploads, and they stay, flagged resummed, until the day is summed as a
-- whole at night. The state of a day (ReconciliationStore.DAY_STATES: changed as a whole? changed by
-- institutions since they were last summed?) asks for the first marker of each kind, which through
-- settlement_day_change_day_idx meant walking every marker of the day on each officer's view and on
-- each run of the job that keeps the recent days summed. See docs/settlement.md (Day sums).
CREATE INDEX settlement_day_change_pending_idx ON app.settlement_day_change (day) WHERE NOT resummed;
CREATE INDEX settlement_day_change_whole_idx ON app.settlement_day_change (day) WHERE institution_code IS NULL;
