-- The application nodes on this database, each with its search backend and a heartbeat, so that a
-- second node is refused while any node keeps its search index on its own disk (Lucene): search
-- results would otherwise differ by node (docs/search.md).
create table app_node (
    node_id        varchar(64) primary key,
    search_backend varchar(40) not null,
    host           varchar(300),
    started_at     timestamp with time zone not null,
    last_seen      timestamp with time zone not null
);
