-- Notices that ask for a task carry its key (e.g. proposal:12:rate); when the task is done the notice
-- is marked done (and read) for its recipients (issue 17 point 11).
alter table notification add column task_key varchar(200);
alter table notification add column done_at timestamp with time zone;
create index ix_notification_task on notification (committee_id, task_key);
