-- PostgreSQL checks a foreign key with a query and a row lock for every row written: four per
-- new customer and one per outcome made up more than half of an import's time. Every one of
-- these ids is the same for a whole batch, and the server takes it from a row it has just read
-- (the workspace, the import, the assigned agent or group), so the checks are dropped on the
-- two tables an import writes a row of per line. Deleting a group clears its customers'
-- assignment in the same transaction (`delete_group`), as `on delete set null` did. (SQLite
-- checks its foreign keys in the same pass that writes the row, at little cost: it keeps them.)
alter table customer
    drop constraint customer_workspace_id_fkey,
    drop constraint customer_import_id_fkey,
    drop constraint customer_assigned_user_id_fkey,
    drop constraint customer_assigned_group_id_fkey;
alter table import_row drop constraint import_row_import_id_fkey;
