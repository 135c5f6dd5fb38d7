-- Workspaces and the people who use them. Every later table carries a workspace_id, and every
-- query filters on it: nobody ever reaches another workspace's data.
create table workspace (
    id bigint generated always as identity primary key,
    name text not null,
    created_at bigint not null                 -- unix time in milliseconds
);

create table app_user (
    id bigint generated always as identity primary key,
    workspace_id bigint not null references workspace (id),
    email text not null unique,                -- lower-cased; signs in with it
    name text not null,
    role text not null check (role in ('agent', 'supervisor', 'admin')),
    password_hash text,                        -- argon2id PHC string; null: token access only
    available bigint not null default 1,       -- 1: takes new customers; 0: away
    created_at bigint not null
);

-- API tokens for programs. Only a SHA-256 of the token is stored; the token is shown once.
create table api_token (
    id bigint generated always as identity primary key,
    user_id bigint not null references app_user (id) on delete cascade,
    name text not null,
    token_hash text not null unique,           -- hex SHA-256
    created_at bigint not null,
    last_used_at bigint
);

-- Browser sessions behind the HttpOnly cookie; stored here so any replica can serve any request.
create table user_session (
    id bigint generated always as identity primary key,
    user_id bigint not null references app_user (id) on delete cascade,
    token_hash text not null unique,           -- hex SHA-256 of the cookie value
    created_at bigint not null,
    expires_at bigint not null
);

-- One-off facts about this installation, e.g. 'bootstrap' once the first workspace exists. The
-- primary key makes racing replicas agree on who sets the installation up.
create table installation (
    key text primary key,
    value text not null
);
