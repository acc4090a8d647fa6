-- casepages (issue 17 point 1): a co-unit's opinion the office received on paper, and the lead unit's last reminder
alter table proposal_co_unit add column opinion_on_paper boolean default false not null;
alter table proposal_co_unit add column opinion_recorded_by varchar(200);
alter table proposal_co_unit add column reminded_at timestamp with time zone;
