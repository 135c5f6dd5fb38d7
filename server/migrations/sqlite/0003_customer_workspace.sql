-- Customers belong to a workspace; every query filters on it. Rows stored before accounts existed
-- have none and are seen by nobody.
alter table customer add column workspace_id bigint references workspace (id);
create index customer_by_workspace on customer (workspace_id, id);
