-- A valid first file: must be rolled back when a later file fails.
INSERT INTO subscriptions (id, name, account_admin)
VALUES ('11111111-1111-1111-1111-111111111111', 'Broken Set', 'someone@example.com');
