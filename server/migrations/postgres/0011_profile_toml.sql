-- The TOML an admin wrote a profile in, comments and all, to edit again; null when the profile
-- came as JSON.
alter table import_profile add column toml text;
