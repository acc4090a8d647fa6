-- A password an administrator set must be changed by its user at the next sign-in (issue 14, finding 7).
alter table user_account add column password_change_required boolean default false not null;
