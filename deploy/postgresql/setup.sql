-- Once, as the postgres superuser: the role and database pawgraph connects as.
-- psql -v password="'...'" -f deploy/postgresql/setup.sql
CREATE ROLE pawgraph LOGIN PASSWORD :password;
CREATE DATABASE pawgraph OWNER pawgraph ENCODING 'UTF8' TEMPLATE template0;
