-- What customer search and filters read: folded name, email and phone (lower case, no accents),
-- the status, and the tags one per row.
alter table customer add column search_text text;
alter table customer add column status text;

create table customer_tag (
    customer_id bigint not null references customer (id) on delete cascade,
    tag text not null,
    primary key (customer_id, tag)
);
create index customer_tag_by_tag on customer_tag (tag, customer_id);
