INSERT INTO subscriptions (id, name, account_admin)
VALUES ('33333333-3333-3333-3333-333333333333', 'My Team', 'me@example.com');
