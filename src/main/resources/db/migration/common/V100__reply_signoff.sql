-- Issue 15 point 1: the unit head signs the unit's reply before staff review it. Replies already
-- under review when this runs count as signed, so no case falls back a step.
alter table proposal add column reply_signed_off boolean default true not null;
alter table proposal add column signoff_return_reason varchar(4000);
alter table proposal_settings add column reply_signoff_required boolean default true not null;
