-- Issue 15 point 6: the day the lead unit took the case on (ASSIGNED -> IN_PROGRESS), from which
-- the "meet the proposer within N working days" deadline counts. Cases taken on before this
-- migration get the day of their last such move from the history.
alter table proposal add column accepted_on date;
update proposal set accepted_on = (
    select cast(max(h.at) as date) from proposal_history h
     where h.proposal_id = proposal.id and h.from_status = 'ASSIGNED' and h.to_status = 'IN_PROGRESS')
 where status not in ('DRAFT', 'AWAITING_COSIGNERS', 'SUBMITTED', 'WITHDRAWN', 'FILED', 'NOT_FILED', 'MERGED', 'ASSIGNED');
