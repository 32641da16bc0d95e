-- Initial schema. Portable to distributed PostgreSQL (Citus, CockroachDB, YugabyteDB): every
-- workspace table is keyed by (workspace_id, ...) so workspace_id can be the distribution key;
-- no sequences, triggers, LISTEN/NOTIFY or advisory locks. The workspace row's `seq` is the
-- change counter: each push bumps it inside its transaction, so commit order is seq order.

CREATE TABLE workspaces (
  id text PRIMARY KEY,
  name text NOT NULL,
  seq bigint NOT NULL DEFAULT 0,
  -- Compaction watermark: the highest seq of a purged tombstone. A cursor below it may have
  -- missed a delete that no longer exists, so such pulls answer 410 and the client resyncs.
  min_cursor bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE members (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  id text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'member')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id)
);

-- Looked up by token id alone (the token is how we learn the workspace), so this small table is
-- keyed by id; on Citus it is a reference table.
CREATE TABLE tokens (
  id text PRIMARY KEY,
  workspace_id text NOT NULL,
  member_id text NOT NULL,
  secret_sha256 text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX tokens_by_member ON tokens (workspace_id, member_id);

-- Per-client mutation counter: the idempotency key of pushes.
CREATE TABLE clients (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  client_id text NOT NULL,
  member_id text NOT NULL,
  last_mutation_id bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, client_id)
);

-- The merged state of every synced row, and the seq of the push that last changed it.
CREATE TABLE records (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  tbl text NOT NULL,
  id text NOT NULL,
  seq bigint NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (workspace_id, tbl, id)
);
CREATE INDEX records_by_seq ON records (workspace_id, seq);

-- Tombstones removed by compaction, kept as (id, delete HLC) so a late edit cannot resurrect them.
CREATE TABLE purged (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  tbl text NOT NULL,
  id text NOT NULL,
  deleted_hlc text NOT NULL,
  purged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, tbl, id)
);
