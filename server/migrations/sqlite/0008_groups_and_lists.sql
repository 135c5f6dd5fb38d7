-- Groups of agents that take customers in turns, and named lists of customers.
create table agent_group (
    id integer primary key autoincrement,
    workspace_id bigint not null references workspace (id),
    name text not null,
    next_turn bigint not null default 0,       -- round-robin: how many customers it has handed out
    unique (workspace_id, name)
);

create table agent_group_member (
    group_id bigint not null references agent_group (id) on delete cascade,
    user_id bigint not null references app_user (id) on delete cascade,
    primary key (group_id, user_id)
);

-- The group a customer was assigned to (its agent is in assigned_user_id).
alter table customer add column assigned_group_id bigint references agent_group (id) on delete set null;

create table customer_list (
    id integer primary key autoincrement,
    workspace_id bigint not null references workspace (id),
    name text not null,
    import_id bigint references customer_import (id),   -- the import that created it
    created_at bigint not null,
    unique (workspace_id, name)
);

create table customer_list_member (
    list_id bigint not null references customer_list (id) on delete cascade,
    customer_id bigint not null references customer (id) on delete cascade,
    import_id bigint references customer_import (id),   -- the import that added it, for revert
    primary key (list_id, customer_id)
);
create index customer_list_member_by_customer on customer_list_member (customer_id);
