// civic_kiosk_server_flow (server_flow_test.cpp) against a real civic-server started here
// with an administrator; then the citizen's status page (GET /api/v1/submissions/{id} with
// the receipt's status token) shows the operator's decision.
//   CIVIC_KIOSK_FLOW  path of civic_kiosk_server_flow (plus the civic-server harness's variables)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { addOperator, removeDir, startServer, tempDir } from '../../tests/server/harness.mjs';

// The server requires a qualified e-signature for the address change; the kiosk's citizens
// sign by hand at the desk (Signature-Request: at-desk), so their declaration is received.
test('a kiosk submission goes from the queue to a decision the citizen sees', async () => {
  const server = await startServer({ args: ['--signing', 'development'] });
  const work = tempDir('civic-kiosk-flow-');
  try {
    const password = 'kiosk-flow-password-1';
    addOperator(server.data, 'desk16', 'admin', '', password);
    const receiptFile = join(work, 'receipt.json');
    const run = spawnSync(process.env.CIVIC_KIOSK_FLOW, ['--gtest_brief=1'], {
      env: {
        ...process.env, CIVIC_KIOSK_TEST_SERVER: server.url, CIVIC_KIOSK_TEST_USER: 'desk16',
        CIVIC_KIOSK_TEST_PASSWORD: password, CIVIC_KIOSK_TEST_RECEIPT: receiptFile,
      },
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    const receipt = JSON.parse(readFileSync(receiptFile, 'utf8'));
    const status = await fetch(`${server.url}/api/v1/submissions/${receipt.submission_id}`
        + `?token=${receipt.status_token}`);
    assert.equal(status.status, 200);
    assert.equal((await status.json()).status, 'approved');
  } finally {
    await server.stop();
    removeDir(server.data);
    removeDir(work);
  }
});
