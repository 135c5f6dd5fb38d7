-- An import no longer writes an outcome row per customer it creates: that row cost as much as
-- the customer itself. The customer keeps the import that created it (revert removes those, the
-- customers filter finds them, a correction cannot store their lines again), the import keeps
-- how many it created (the summary), and the batch's stored answer keeps each row's outcome.
-- Outcome rows remain for the rows updated (revert restores them), skipped and rejected; only a
-- rejected row keeps its cells, for the error file.
alter table customer add column created_import_id bigint;
update customer set created_import_id = r.import_id
    from import_row r where r.customer_id = customer.id and r.outcome = 'created';
create index customer_created_by_import on customer (created_import_id, line);

alter table customer_import add column created_rows bigint not null default 0;
update customer_import set created_rows =
    (select count(*) from import_row r where r.import_id = customer_import.id and r.outcome = 'created');

delete from import_row where outcome = 'created';
update import_row set source = null where outcome <> 'rejected';
