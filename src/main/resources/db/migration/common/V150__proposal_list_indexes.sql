-- Lists at a million cases (issue 16, docs/perf.md): each filtered list reads its newest-first page
-- from an index in its order instead of sorting every matching case.
create index ix_proposal_status_created on proposal (committee_id, status, created_at, id);
create index ix_proposal_lead_unit_created on proposal (committee_id, lead_unit_id, created_at, id);
-- a member's own cases: the proposer link by member, with the case id in the index
create index ix_proposal_proposer_member_case on proposal_proposer (member_id, proposal_id);
-- the statistics' change stamp: the committee's latest case change (ProposalFigureQueries)
create index ix_proposal_updated on proposal (committee_id, updated_at);
