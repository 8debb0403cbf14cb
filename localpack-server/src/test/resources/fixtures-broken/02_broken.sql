-- The second statement refers to a table that does not exist.
INSERT INTO stamps (id, name) VALUES ('22222222-2222-2222-2222-222222222222', 'ok; really');

INSERT INTO no_such_table (id) VALUES (1);
