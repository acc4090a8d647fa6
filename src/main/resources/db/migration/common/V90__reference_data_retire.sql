-- Issue 15 point 8: reference data can be renamed and retired; nothing referenced can be deleted.
-- A retired row stays on the records that name it (a retired unit on its old cases) but is not
-- offered for new ones (a retired unit cannot be assigned).
alter table sector add column retired boolean default false not null;
alter table unit add column retired boolean default false not null;
alter table special_committee add column retired boolean default false not null;
alter table term add column retired boolean default false not null;
alter table term_session add column retired boolean default false not null;

-- Deleting relies on foreign keys to refuse a referenced row; the one reference without a key
-- (a social report's author sector, V50) gets one, so a sector named there cannot be deleted either.
alter table social_report add constraint fk_social_report_author_sector foreign key (author_sector_id) references sector(id);
