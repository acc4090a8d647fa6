-- Issue 15 point 9: who is a liaison is a setting (member roles, comma-separated; null = the default:
-- the chair's meeting members and the standing committee); a symposium may include members outside
-- the liaison's group, recorded as extra contacts.
alter table liaison_settings add column liaison_roles varchar(200);
alter table liaison_contact_member add column extra boolean default false not null;
