// The native civic-kiosk in a real window under Xvfb, against a real civic-server with one
// submission in district 68134-16: screenshots of the operator queue, the opened submission
// with its report, the register preparation and the self-service form with its on-screen
// keyboard, written as PNG to $CIVIC_KIOSK_ARTIFACTS.
//   CIVIC_KIOSK  path of civic-kiosk (plus the civic-server harness's variables)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import {
  addOperator, envelopes, profileKeys, profileDir, removeDir, startServer, submit, tempDir,
} from '../../tests/server/harness.mjs';
import { startXvfb } from './xvfb.mjs';

const artifacts = process.env.CIVIC_KIOSK_ARTIFACTS ?? tempDir('civic-kiosk-shots-');
const password = 'kiosk-screenshot-password-1';
let xvfb;
let server;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  xvfb = await startXvfb();
  server = await startServer();
  addOperator(server.data, 'admin16', 'admin', '', password);
  const keys = await profileKeys(server.url);
  for (const envelope of envelopes(keys.envelope, 3)) {
    assert.equal((await submit(server.url, envelope)).status, 201);
  }
});

after(async () => {
  await server?.stop();
  await xvfb?.stop();
  if (server) removeDir(server.data);
});

// Runs civic-kiosk to SCREEN; resolves with the PNG's bytes.
function shoot(screen, extraEnv = {}) {
  const file = join(artifacts, `${screen}.png`);
  return new Promise((resolve, reject) => {
    const proc = spawn(process.env.CIVIC_KIOSK,
        ['--server', server.url, '--today', '2026-11-25', '--screenshot', file, '--screen', screen],
        {
          env: {
            ...process.env, DISPLAY: xvfb.display, CIVIC_KIOSK_USER: 'admin16',
            CIVIC_KIOSK_PASSWORD: password, CIVIC_KIOSK_DISTRICT: '68134-16', ...extraEnv,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
    let stderr = '';
    proc.stderr.on('data', (chunk) => { stderr += chunk; });
    proc.on('error', reject);
    proc.on('exit', (code) => {
      if (code !== 0) reject(new Error(`civic-kiosk --screen ${screen} exited ${code}:\n${stderr}`));
      else resolve(readFileSync(file));
    });
  });
}

// A PNG of the window's size (the IHDR chunk) with more than one colour in it.
function assertScreenshot(png) {
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);  // "PNG"
  assert.equal(png.readUInt32BE(16), 1280);
  assert.equal(png.readUInt32BE(20), 800);
  assert.ok(png.length > 20_000, `a drawn window compresses to more than ${png.length} bytes`);
}

test('the operator queue', async () => assertScreenshot(await shoot('queue')));
test('a submission with its report and audit trail', async () => assertScreenshot(await shoot('submission')));
test('the register preparation report', async () => assertScreenshot(await shoot('register', {
  CIVIC_KIOSK_REGISTER_CSV: readFileSync(join(profileDir, 'register', '68134-16.csv'), 'utf8')
      + '68134,ул.,Акад. Борис Стефанов,5,,,,1700\n68134,ул.,Нова,,,,,17\n',
})));
test('the self-service form with the on-screen keyboard', async () => assertScreenshot(await shoot('kiosk')));
