-- Issue 15: incidents keep their free-text severity and gain a normalised one (CRITICAL, MAJOR, MINOR, UNKNOWN),
-- which the minSeverity filter of the KPIs compares. New incidents get it from io.devopskpi.core.model.Severity;
-- stored ones are back-filled here with the same word lists, compared without case, spaces, dashes and underscores.
ALTER TABLE incident ADD COLUMN severity_level VARCHAR(16) DEFAULT 'UNKNOWN' NOT NULL;
UPDATE incident SET severity_level = CASE
    WHEN LOWER(REPLACE(REPLACE(REPLACE(TRIM(severity), ' ', ''), '-', ''), '_', '')) IN ('p1', 'sev1', 's1', '1',
        'critical', 'crit', 'blocker', 'emergency', 'fatal', 'disaster') THEN 'CRITICAL'
    WHEN LOWER(REPLACE(REPLACE(REPLACE(TRIM(severity), ' ', ''), '-', ''), '_', '')) IN ('p2', 'sev2', 's2', '2',
        'high', 'major', 'error', 'severe') THEN 'MAJOR'
    WHEN LOWER(REPLACE(REPLACE(REPLACE(TRIM(severity), ' ', ''), '-', ''), '_', '')) IN ('p3', 'p4', 'p5', 'sev3',
        'sev4', 'sev5', 's3', 's4', 's5', '3', '4', '5', 'medium', 'moderate', 'low', 'minor', 'warning', 'warn',
        'info', 'informational', 'trivial') THEN 'MINOR'
    ELSE 'UNKNOWN' END
WHERE severity IS NOT NULL;
