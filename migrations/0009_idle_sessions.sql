-- When a session was last used (written at most once a minute): a session idle for longer than
-- the configured timeout (default 30 minutes) is signed out. Null until first used.
alter table sessions add column last_seen_at bigint;
