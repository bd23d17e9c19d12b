// A front-end developer bundles the package with Vite: the build must succeed without a
// warning (no Node-only module "externalized for browser compatibility"), and the vote and
// tools modules must each come out as a chunk of its own, fetched only when asked for.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

import { packageDir } from './package.mjs';

const work = mkdtempSync(join(tmpdir(), 'civickit-vite-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('Vite bundles the package without warnings, the vote and tools modules in their own chunks', () => {
  execFileSync('npm', ['pack', packageDir, '--pack-destination', work, '--loglevel=error']);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(work, tarball)], { cwd: work });
  writeFileSync(join(work, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
  writeFileSync(join(work, 'main.js'), [
    "import { load } from 'civickit';",
    "const civic = await load({ vote: location.hash === '#vote', tools: location.hash === '#tools' });",
    "document.body.textContent = civic.transliterate('София');",
  ].join('\n'));
  const vite = resolve('node_modules/vite/bin/vite.js');
  const build = spawnSync('node', [vite, 'build', '--logLevel', 'warn'], { cwd: work, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  assert.equal(`${build.stdout}${build.stderr}`.trim(), '', 'Vite printed warnings');
  const assets = readdirSync(join(work, 'dist/assets'));
  assert.ok(assets.some((name) => /^civickit-vote-.*\.js$/.test(name)), `a vote chunk among ${assets}`);
  assert.ok(assets.some((name) => /^civickit-vote-.*\.wasm$/.test(name)), `the vote module among ${assets}`);
  assert.ok(assets.some((name) => /^civickit-tools-.*\.js$/.test(name)), `a tools chunk among ${assets}`);
  assert.ok(assets.some((name) => /^civickit-tools-.*\.wasm$/.test(name)), `the tools module among ${assets}`);
});
