-- API tokens end: a token copied into a script or a spreadsheet is forgotten long before it would be revoked. Each has
-- an end chosen at creation (at most a year). Tokens made before this get 90 days from now, so no script stops at once.
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMPTZ;
UPDATE api_token SET expires_at = now() + interval '90 days' WHERE expires_at IS NULL;
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
