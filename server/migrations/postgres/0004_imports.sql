-- Imports: opened once per client id, fed in numbered batches, each answered row by row.
create table customer_import (
    id bigint generated always as identity primary key,
    workspace_id bigint not null references workspace (id),
    user_id bigint not null references app_user (id),
    client_id text not null,                   -- made by the client; a retry finds the same import
    file_name text not null,
    profile text not null,                     -- JSON: the profile records are validated with
    mapping text,                              -- JSON: the mapping the user chose
    columns text not null default '[]',        -- JSON: the file's header names, for the error file
    options text not null,                     -- JSON: duplicates policy, …
    status text not null default 'open' check (status in ('open', 'committed', 'reverted')),
    created_at bigint not null,
    unique (workspace_id, client_id)
);

-- One row per batch received: a repeat with the same hash gets the stored answer back.
create table import_batch (
    id bigint generated always as identity primary key,
    import_id bigint not null references customer_import (id),
    seq bigint not null,
    content_hash text not null,                -- hex SHA-256 of the batch's rows
    answer text not null,                      -- JSON: the answer that was sent
    created_at bigint not null,
    unique (import_id, seq)
);

-- What happened to every row: for the summary, the error file and revert.
create table import_row (
    id bigint generated always as identity primary key,
    import_id bigint not null references customer_import (id),
    line bigint not null,
    outcome text not null check (outcome in ('created', 'updated', 'skipped', 'rejected')),
    customer_id bigint,                        -- no foreign key: revert deletes created customers
    detail text not null,                      -- JSON: the row's outcome as answered
    previous text,                             -- JSON: an updated customer before the update
    source text                                -- JSON: the row's cells as in the file (error file)
);
create index import_row_by_import on import_row (import_id, line);

-- Normalised keys of a customer; unique per workspace, so two racing imports can never store the
-- same customer twice. (Both databases let many rows leave them empty: nulls are distinct.)
alter table customer add column email text;
alter table customer add column phone text;
alter table customer add column import_id bigint references customer_import (id);
alter table customer add column updated_at bigint;
create unique index customer_unique_email on customer (email, workspace_id);
create unique index customer_unique_phone on customer (phone, workspace_id);
