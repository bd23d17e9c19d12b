// server/openapi.yaml describes exactly the routes civic-server serves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo, serverCli } from './harness.mjs';

// "METHOD /path" for every operation under `paths:` (two-space path keys, four-space methods).
function described(yaml) {
  const routes = [];
  let inPaths = false;
  let path = null;
  for (const line of yaml.split('\n')) {
    if (/^\S/.test(line)) inPaths = line.startsWith('paths:');
    if (!inPaths) continue;
    const pathKey = line.match(/^ {2}(\/\S*):\s*$/);
    if (pathKey) path = pathKey[1];
    const method = line.match(/^ {4}(get|post|put|delete|patch):\s*$/);
    if (method && path) routes.push(`${method[1].toUpperCase()} ${path}`);
  }
  return routes.sort();
}

test('every served route is described and every described route is served', () => {
  const run = serverCli(['--print-routes']);
  assert.equal(run.status, 0, run.stderr);
  const served = run.stdout.trim().split('\n').sort();
  const yaml = readFileSync(join(repo, 'server', 'openapi.yaml'), 'utf8');
  assert.match(yaml, /^openapi: 3\.1\.\d+$/m);
  assert.deepEqual(described(yaml), served);
});
