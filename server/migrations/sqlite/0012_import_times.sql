-- When an import was committed (closed) and when it was undone, besides when it was opened.
alter table customer_import add column committed_at bigint;
alter table customer_import add column reverted_at bigint;
