-- How many rows an import has taken: counted per batch, so that a profile's `max_rows` holds on
-- the server too (the browser and `clientela import` check it on the whole file). A row that
-- replaces one of its earlier rejections, as a correction does, is not counted again.
alter table customer_import add column received_rows bigint not null default 0;
update customer_import set received_rows = created_rows
    + (select count(*) from import_row r where r.import_id = customer_import.id);
