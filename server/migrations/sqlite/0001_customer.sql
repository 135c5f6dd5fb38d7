-- Customers as the walking skeleton stores them: the cells of one file row, keyed by header name.
-- Later migrations add normalised fields; this table is never edited in place.
create table customer (
    id integer primary key autoincrement,
    file_name text not null,
    line bigint not null,          -- the row's line in the imported file (header included)
    fields text not null,          -- JSON object: header name -> cell text
    created_at bigint not null     -- unix time in milliseconds, set by the server
);
