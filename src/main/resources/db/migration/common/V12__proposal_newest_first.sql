-- Lists show a committee's cases newest first (created_at desc, id desc): an index in that order
-- lets the database read the first page without sorting all of the committee's cases.
create index ix_proposal_created on proposal (committee_id, created_at, id);
