-- The proposal-handling dimension (提案办理) filled from the unit's proposal figures of the year, when
-- the year's evaluation says so (issue 13). The figures are read live while voting and kept with each
-- unit at publication, so published results do not move when cases change later.
alter table unit_evaluation add column handling_from_stats boolean default false not null;
alter table evaluation_unit add column handling_replied bigint;
alter table evaluation_unit add column handling_on_time bigint;
alter table evaluation_unit add column handling_rated bigint;
alter table evaluation_unit add column handling_satisfied bigint;
