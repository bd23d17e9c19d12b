// npm pack → install the tarball in an empty folder → import it from Node and type-check
// a TypeScript consumer against civickit.d.ts, as a front-end developer would.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

import { packageDir } from './package.mjs';

const work = mkdtempSync(join(tmpdir(), 'civickit-pack-'));
after(() => rmSync(work, { recursive: true, force: true }));
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

test('the packed tarball installs and imports in an empty project', () => {
  npm(['pack', packageDir, '--pack-destination', work], work);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack produced a tarball');
  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  npm(['install', '--offline', join(work, tarball)], app);
  // Plain `node`, no flags: consumers must not need --no-experimental-fetch.
  const out = execFileSync('node', ['--input-type=module', '-e',
    "import { load } from 'civickit'; const c = await load(); console.log(c.transliterate('София'), c.checkId('7501020018', { today: '2026-11-25' }).valid)"],
  { cwd: app, encoding: 'utf8' });
  assert.equal(out.trim(), 'Sofia true');

  writeFileSync(join(app, 'usage.ts'), `
import { load, CivicError, type IdCheckResult } from 'civickit';
const civic = await load();
const result: IdCheckResult = civic.checkId('7501020018', { kind: 'egn', today: '2026-11-25' });
const sex: 'male' | 'female' | null = result.sex;
const latin: string = civic.transliterate('София');
try { civic.call('no.such', {}); } catch (e) { if (e instanceof CivicError) console.log(e.code, e.messages.bg); }
console.log(sex, latin);
`);
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: false },
    files: ['usage.ts'],
  }));
  const tsc = resolve('node_modules/typescript/bin/tsc');
  execFileSync('node', [tsc, '-p', join(app, 'tsconfig.json')], { encoding: 'utf8' });
});
