-- Bumped whenever an account's roles, status or password change: a web session or check made
-- with an older value is no longer honoured (issue 14, finding 1).
alter table user_account add column credentials_version bigint default 0 not null;
