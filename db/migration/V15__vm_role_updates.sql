-- VM Role update (issue 19, docs/vm-roles.md): what an update asks for waits here while its job runs, and becomes the
-- role's label, definition and configuration when the job completes; a failed job drops it (the role stays as it was,
-- Failed). The role's disks (a machine's data disks) are the VMM tables' rows (V9): no table of their own.
ALTER TABLE vm_roles ADD COLUMN pending_label VARCHAR(256);
ALTER TABLE vm_roles ADD COLUMN pending_resource_definition VARCHAR(65536);
ALTER TABLE vm_roles ADD COLUMN pending_configuration_version VARCHAR(64);
ALTER TABLE vm_roles ADD COLUMN pending_parameter_values VARCHAR(65536);
