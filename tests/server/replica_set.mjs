// Replicas of civic-server over one real PostgreSQL (postgres.mjs) for the multi-process
// tests: one cluster, one shared database "civic", one keys folder every replica reads.
//
//   const set = await startReplicaSet();
//   const a = await set.startReplica(); const b = await set.startReplica();
//   set.addOperator('admin', 'admin', '', 'admin-pass-1');
//   set.storedUnder([key]).get(key) → { count, receipt };  await set.stop();
import assert from 'node:assert/strict';

import { removeDir, serverCli, startServer, tempDir } from './harness.mjs';
import { startPostgres } from './postgres.mjs';

function sqlList(values) { return values.map((value) => `'${value}'`).join(','); }

export async function startReplicaSet() {
  const cluster = startPostgres();
  const keysDir = tempDir('civic-keys-');
  const database = cluster.createDatabase('civic');
  const started = [];
  const set = {
    cluster,
    keysDir,
    database,
    sqlList,
    // A replica on `url` (the shared database by default), with its own data folder.
    async startReplica({ url = database, data = tempDir(), args = [] } = {}) {
      const replica = await startServer({ data, args: ['--database', url, '--keys', keysDir, ...args] });
      started.push(replica);
      return replica;
    },
    async stopReplica(replica) {
      await replica.stop();
      removeDir(replica.data);
    },
    addOperator(username, role, districts, password, url = database) {
      const args = ['operator', 'add', '--database', url, '--username', username, '--role', role];
      if (districts) args.push('--districts', districts);
      const run = serverCli(args, { CIVIC_OPERATOR_PASSWORD: password });
      assert.equal(run.status, 0, run.stderr);
    },
    // Rows stored under each of `keys` (idempotency keys): Map key → { count, receipt }.
    storedUnder(keys) {
      const stored = new Map();
      for (let from = 0; from < keys.length; from += 500) {
        const rows = cluster.sql(
            'SELECT idempotency_key, count(*), min(receipt) FROM submissions ' +
            `WHERE idempotency_key IN (${sqlList(keys.slice(from, from + 500))}) GROUP BY 1`, 'civic');
        for (const line of rows.split('\n').filter(Boolean)) {
          const [key, count, ...receipt] = line.split('|');
          stored.set(key, { count: Number(count), receipt: JSON.parse(receipt.join('|')) });
        }
      }
      return stored;
    },
    async stop() {
      for (const replica of started) {
        if (replica.proc.exitCode === null && replica.proc.signalCode === null) await replica.stop();
        removeDir(replica.data);
      }
      removeDir(keysDir);
      cluster.stop();
    },
  };
  return set;
}
