-- The agent a customer is assigned to.
alter table customer add column assigned_user_id bigint references app_user (id);
