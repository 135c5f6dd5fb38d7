-- What validation checks imports against, managed by admins: known tags and import profiles.
create table tag (
    workspace_id bigint not null references workspace (id),
    name text not null,
    primary key (workspace_id, name)
);

create table import_profile (
    workspace_id bigint not null references workspace (id),
    name text not null,
    profile text not null,                     -- JSON of the shared Profile
    updated_at bigint not null,
    primary key (workspace_id, name)
);
