-- The statistics read model (docs/stats-read-model.md): counters per committee and figure dimensions,
-- kept current in the transaction of every case change (proposal module, CaseFigureModel). Absent
-- values are stored as 0 / '' so that the keys are unique (a NULL never conflicts).

-- each case's current contribution: the "before" of its next change
create table stat_case_contribution (
    proposal_id   bigint primary key,
    committee_id  bigint not null,
    session_id    bigint not null,
    status        varchar(30) not null,
    category      varchar(60) not null,
    lead_unit_id  bigint not null,
    reply_class   varchar(10) not null,
    member_id     bigint not null,
    filed         integer not null,
    key_case      integer not null,
    replied       integer not null,
    on_time       integer not null,
    open_b        integer not null,
    attitude      varchar(30) not null,
    result        varchar(30) not null
);

create table stat_case_figure (
    committee_id  bigint not null,
    session_id    bigint not null,
    status        varchar(30) not null,
    category      varchar(60) not null,
    lead_unit_id  bigint not null,
    reply_class   varchar(10) not null,
    cases         bigint not null,
    filed         bigint not null,
    key_cases     bigint not null,
    replied       bigint not null,
    on_time       bigint not null,
    open_b        bigint not null,
    constraint pk_stat_case_figure primary key (committee_id, session_id, status, category, lead_unit_id, reply_class)
);

create table stat_proposer_figure (
    committee_id  bigint not null,
    session_id    bigint not null,
    lead_unit_id  bigint not null,
    member_id     bigint not null,
    status        varchar(30) not null,
    reply_class   varchar(10) not null,
    cases         bigint not null,
    filed         bigint not null,
    key_cases     bigint not null,
    replied       bigint not null,
    on_time       bigint not null,
    constraint pk_stat_proposer_figure primary key (committee_id, session_id, lead_unit_id, member_id, status, reply_class)
);

create table stat_rating_figure (
    committee_id  bigint not null,
    session_id    bigint not null,
    status        varchar(30) not null,
    category      varchar(60) not null,
    lead_unit_id  bigint not null,
    member_id     bigint not null,
    attitude      varchar(30) not null,
    result        varchar(30) not null,
    cases         bigint not null,
    constraint pk_stat_rating_figure primary key (committee_id, session_id, status, category, lead_unit_id, member_id,
        attitude, result)
);

-- overdue is time-dependent: an indexed query over the cases in handling with a due date before today
create index ix_proposal_status_due on proposal (committee_id, status, due_date);

-- existing data (the same statements as CaseFigureModel.rebuild)
insert into stat_case_contribution (proposal_id, committee_id, session_id, status, category, lead_unit_id, reply_class,
        member_id, filed, key_case, replied, on_time, open_b, attitude, result)
select q.id, q.committee_id, q.session_id, q.status, q.category, q.lead_unit_id, q.reply_class, q.member_id, q.filed,
       q.key_case, q.replied, q.on_time, q.open_b,
       coalesce((select e.attitude from evaluation e where e.proposal_id = q.id and e.member_id = q.member_id
                 and e.unit_id = q.unit_id order by e.round desc, e.id desc fetch first 1 rows only), ''),
       coalesce((select e.result from evaluation e where e.proposal_id = q.id and e.member_id = q.member_id
                 and e.unit_id = q.unit_id order by e.round desc, e.id desc fetch first 1 rows only), '')
from (select p.id, p.committee_id, p.session_id, p.status, p.category, coalesce(p.lead_unit_id, 0) lead_unit_id,
             p.lead_unit_id unit_id, coalesce(p.approved_reply_category, '') reply_class,
             coalesce((select min(pp.member_id) from proposal_proposer pp where pp.proposal_id = p.id
                       and pp.role = 'LEAD'), 0) member_id,
             case when p.number_seq is not null then 1 else 0 end filed,
             case when p.is_key then 1 else 0 end key_case,
             case when p.replied_on is not null then 1 else 0 end replied,
             case when p.replied_on is not null and p.due_date is not null and p.replied_on <= p.due_date
                  then 1 else 0 end on_time,
             case when p.approved_reply_category = 'B' and p.implemented_on is null then 1 else 0 end open_b
      from proposal p) q;

insert into stat_case_figure (committee_id, session_id, status, category, lead_unit_id, reply_class, cases, filed,
        key_cases, replied, on_time, open_b)
select committee_id, session_id, status, category, lead_unit_id, reply_class, count(*), sum(filed), sum(key_case),
       sum(replied), sum(on_time), sum(open_b)
from stat_case_contribution group by committee_id, session_id, status, category, lead_unit_id, reply_class;

insert into stat_proposer_figure (committee_id, session_id, lead_unit_id, member_id, status, reply_class, cases, filed,
        key_cases, replied, on_time)
select committee_id, session_id, lead_unit_id, member_id, status, reply_class, count(*), sum(filed), sum(key_case),
       sum(replied), sum(on_time)
from stat_case_contribution where member_id <> 0
group by committee_id, session_id, lead_unit_id, member_id, status, reply_class;

insert into stat_rating_figure (committee_id, session_id, status, category, lead_unit_id, member_id, attitude, result,
        cases)
select committee_id, session_id, status, category, lead_unit_id, member_id, attitude, result, count(*)
from stat_case_contribution where attitude <> ''
group by committee_id, session_id, status, category, lead_unit_id, member_id, attitude, result;
