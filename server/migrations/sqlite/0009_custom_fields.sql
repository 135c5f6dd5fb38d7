-- The workspace's own custom fields, which every import profile gets besides its own.
create table custom_field (
    workspace_id bigint not null references workspace (id),
    position bigint not null,                  -- the order admins gave them
    key text not null,
    definition text not null,                  -- JSON of the shared CustomField
    primary key (workspace_id, key)
);
