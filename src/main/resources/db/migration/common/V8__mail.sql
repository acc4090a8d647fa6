-- E-mail for notifications: an address of a user's own (members also have member.email), and
-- a ledger of queued mails. The ledger row is written with the inbox entry in the same
-- transaction; a delivery claims it before talking to SMTP and marks it sent afterwards, so a
-- mail whose sending succeeded is never sent again however often its event is re-delivered.
alter table user_account add column email varchar(200);

create table mail_delivery (
    id           varchar(36) primary key,
    committee_id bigint not null references committee(id),
    recipient    varchar(200) not null,
    state        varchar(20) not null,
    attempts     integer not null default 0,
    created_at   timestamp with time zone not null,
    claimed_at   timestamp with time zone,
    sent_at      timestamp with time zone
);
create index ix_mail_delivery_state on mail_delivery (state, created_at);
