-- Change authors are personal data: an administrator may pseudonymise or drop them (api.md, "Change authors").
-- A change whose author was erased that way is marked, so that a later re-send of its deployment with the original
-- author is still a duplicate, not a conflict (the store no longer holds what it could be compared with).
ALTER TABLE deployment_change ADD COLUMN author_erased BOOLEAN DEFAULT FALSE NOT NULL;
-- The secret key of the pseudonyms (HMAC-SHA256) is a server_setting row, created on the first pseudonymisation.

-- Voiding (api.md, "Void"): a deployment or incident recorded by mistake stays stored, marked with the reason, who
-- voided it and when; every KPI, count and look-up leaves it out, lists show it with the mark. Reversible.
ALTER TABLE deployment ADD COLUMN voided_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE deployment ADD COLUMN voided_reason VARCHAR(2048);
ALTER TABLE deployment ADD COLUMN voided_by VARCHAR(200);
ALTER TABLE incident ADD COLUMN voided_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE incident ADD COLUMN voided_reason VARCHAR(2048);
ALTER TABLE incident ADD COLUMN voided_by VARCHAR(200);

-- The audit trail of every void and unvoid, in the order they were stored; never deleted (not by retention either).
CREATE TABLE void_log (
    seq          BIGINT        NOT NULL PRIMARY KEY,
    target_type  VARCHAR(16)   NOT NULL,
    target_id    VARCHAR(512)  NOT NULL,
    action       VARCHAR(16)   NOT NULL,
    reason       VARCHAR(2048) NOT NULL,
    voided_by    VARCHAR(200),
    recorded_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX void_log_target ON void_log (target_type, target_id);
