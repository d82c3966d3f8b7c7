-- The sign-in lock (LoginThrottle) counts a user's failed sign-ins of the last 15 minutes at every password sign-in,
-- which on the API means every HTTP Basic request. Through audit_entry_user_idx that count walked all of the user's
-- recent audit entries, and every write is one: a script making thousands of writes made each of its own requests
-- slower. Failed sign-ins are few; this index holds only them.
CREATE INDEX audit_entry_failed_sign_in_idx ON audit_entry (username, at DESC) WHERE kind = 'LOGIN_FAILED';
