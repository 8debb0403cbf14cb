-- SchemaCacheTest: one more migration, so the migrations' digest differs
CREATE TABLE extra_table (id INT PRIMARY KEY);
