-- Attachments of supervision events (minutes, photos, research reports): proposal attachments
-- that belong to one supervision event of the case; the case's own attachments have none.
alter table proposal_attachment add column supervision_event_id bigint references supervision_event(id);
create index ix_proposal_attachment_event on proposal_attachment (supervision_event_id);
