-- Lists as a union of indexed sub-queries (issue 16, docs/perf.md "Lists"): each alternative of the
-- scope rule reads its newest-first rows from an index of its own.
-- published cases (everyone signed in sees them), newest first
create index ix_proposal_published_created on proposal (committee_id, published, created_at, id);
-- a unit's co-unit cases: the links by unit with the case id in the index
create index ix_proposal_co_unit_unit_case on proposal_co_unit (unit_id, proposal_id);
-- a party/government leader's lead-handled key cases
create index ix_key_proposal_leader_user_case on key_proposal_leader (user_id, role, proposal_id);
