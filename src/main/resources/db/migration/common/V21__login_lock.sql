-- An account is locked outright only after many failures in a day, until an admin unlocks it;
-- short, growing delays apply to an account and address together (issue 14, finding 3).
alter table login_throttle add column locked_at timestamp with time zone;
