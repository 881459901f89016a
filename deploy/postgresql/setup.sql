-- Once, as the postgres superuser: the role and database pawgraph connects as.
-- sudo -u postgres psql -v password='<generated>' -f deploy/postgresql/setup.sql
-- (:'password' quotes the value as a literal, whatever characters it holds.)
\set ON_ERROR_STOP on
CREATE ROLE pawgraph LOGIN PASSWORD :'password';
CREATE DATABASE pawgraph OWNER pawgraph ENCODING 'UTF8' TEMPLATE template0;
