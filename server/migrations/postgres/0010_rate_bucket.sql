-- Each caller's rate-limit bucket, shared by every replica of the server (SQLite is served by
-- one process, which keeps its buckets in memory). Unlogged: after a crash the buckets start
-- full, which only gives callers a fresh minute.
create unlogged table rate_bucket (
    caller text primary key,
    -- Requests the caller may still send at once.
    tokens double precision not null,
    -- When `tokens` was last brought up to date, in milliseconds of the database's clock.
    updated_at double precision not null
);
