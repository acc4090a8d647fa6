-- Ballots get random ids (issue 13): sequential ids grew together with the voter records' ids, so
-- someone with database access could pair a ballot with its voter by order. The table is rebuilt
-- (the key's type changes) and existing ballots get random ids, copied in random order.
create table evaluation_ballot_random (
    id             uuid primary key,
    committee_id   bigint not null references committee(id),
    evaluation_id  bigint not null references unit_evaluation(id),
    unit_id        bigint not null,
    scores         varchar(1000) not null
);

insert into evaluation_ballot_random (id, committee_id, evaluation_id, unit_id, scores)
    select gen_random_uuid(), committee_id, evaluation_id, unit_id, scores from evaluation_ballot order by random();

drop table evaluation_ballot;

alter table evaluation_ballot_random rename to evaluation_ballot;

create index ix_evaluation_ballot on evaluation_ballot (committee_id, evaluation_id);
