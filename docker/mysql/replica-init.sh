#!/bin/sh
# First start of the replica (docker-entrypoint-initdb.d): replicate the
# primary from its first logged transaction (GTID auto-positioning): every
# migration and every write arrive through replication. Then the replica
# refuses writes from anyone but replication (kept across restarts).
set -eu
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CHANGE REPLICATION SOURCE TO
  SOURCE_HOST = 'mysql-primary',
  SOURCE_PORT = 3306,
  SOURCE_USER = 'replicator',
  SOURCE_PASSWORD = '${REPLICATION_PASSWORD}',
  SOURCE_AUTO_POSITION = 1,
  SOURCE_CONNECT_RETRY = 5,
  GET_SOURCE_PUBLIC_KEY = 1;
START REPLICA;
SET PERSIST read_only = ON;
SET PERSIST super_read_only = ON;
SQL
