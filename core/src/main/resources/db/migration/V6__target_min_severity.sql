-- Issue 15: a contract target may count only incidents of at least a normalised severity (CRITICAL, MAJOR, MINOR)
-- in its incident-side KPIs; NULL, as for every target stored before, counts every incident.
ALTER TABLE contract_target ADD COLUMN min_severity VARCHAR(16);
