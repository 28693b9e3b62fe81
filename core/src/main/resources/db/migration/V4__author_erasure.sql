-- Change authors are personal data: an administrator may pseudonymise or drop them (api.md, "Change authors").
-- A change whose author was erased that way is marked, so that a later re-send of its deployment with the original
-- author is still a duplicate, not a conflict (the store no longer holds what it could be compared with).
ALTER TABLE deployment_change ADD COLUMN author_erased BOOLEAN DEFAULT FALSE NOT NULL;
-- The secret key of the pseudonyms (HMAC-SHA256) is a server_setting row, created on the first pseudonymisation.
