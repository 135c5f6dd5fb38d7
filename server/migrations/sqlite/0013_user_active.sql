-- Users an admin deactivated stay, so that their customers and imports still say who they were,
-- but they cannot sign in, use a token or take customers. 1: active; 0: deactivated.
alter table app_user add column active bigint not null default 1;
