-- Fixture set "minimal": one tenant with one cloud and nothing deployed yet. Load it in place of the bundled set:
--   curl -X POST 'http://localhost:30005/_localpack/fixtures/minimal/load?replace=true'

INSERT INTO subscriptions (id, name, account_admin) VALUES
  ('0d3c5e7a-9b1f-4a2c-8e6d-4f0a2b8c6e1d', 'Minimal Tenant', 'tenant@minimal.example');

INSERT INTO stamps (id, name) VALUES
  ('56ebc6dc-f63c-46e2-8438-2967e0ad83bc', 'VMM-WEST-01');

INSERT INTO clouds (id, stamp_id, name, description, last_modified_date, user_role_id, writable_library_path) VALUES
  ('5e7a9c1b-3d5f-4b7a-9c1e-3f5b7d9a1c3e', '56ebc6dc-f63c-46e2-8438-2967e0ad83bc', 'Minimal Cloud',
   'The only cloud of the minimal set', TIMESTAMP WITH TIME ZONE '2014-03-12 09:15:00-07:00',
   '0d3c5e7a-9b1f-4a2c-8e6d-4f0a2b8c6e1d', '\\library01\MSSCVMMLibrary\Minimal');

INSERT INTO subscription_clouds (subscription_id, cloud_id, stamp_id) VALUES
  ('0d3c5e7a-9b1f-4a2c-8e6d-4f0a2b8c6e1d', '5e7a9c1b-3d5f-4b7a-9c1e-3f5b7d9a1c3e', '56ebc6dc-f63c-46e2-8438-2967e0ad83bc');
