-- The staff lists' exact total (issue 16, docs/perf.md "Lists"): the statistics read model counts a
-- draft withdrawn before submission under WITHDRAWN, the list leaves it out; this index reads those
-- cases (and the drafts) alone instead of every withdrawn case's row.
create index ix_proposal_status_submitted on proposal (committee_id, status, submitted_on);
