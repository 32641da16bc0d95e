-- Compaction epochs: every compaction that purges something bumps the workspace's epoch, and pull
-- cursors carry the epoch they were issued in. A cursor of the current epoch is always served (it
-- was issued after the purge, so it cannot have missed a purged delete); an older one only while
-- it is at or past min_cursor.
ALTER TABLE workspaces ADD COLUMN epoch bigint NOT NULL DEFAULT 0;
