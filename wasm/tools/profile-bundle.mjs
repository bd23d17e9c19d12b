// Assembles a profile folder into its bundle in Node, as `civic profile bundle DIR` does
// natively (civic/io/profile_dir.hpp specifies the layout and the bundle). The CSV registers
// go through the core's own register.import, so nothing is parsed twice in two languages:
//
//   import { assembleProfile } from './profile-bundle.mjs';
//   const bundle = assembleProfile('shared/profiles/sofia', (input) => civic.call('register.import', input));
//
// As a program it prints the bundle, importing through a native civic binary:
//   node wasm/tools/profile-bundle.mjs DIR PATH/TO/civic
// (the native test suite compares that output with `civic profile bundle DIR`, byte for byte).
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const filesOf = (dir, extension) => readdirSync(dir).filter((f) => f.endsWith(extension)).sort()
    .map((f) => join(dir, f));

/** The bundle of the profile folder `dir`; `registerImport` runs the register.import API. */
export function assembleProfile(dir, registerImport) {
  const profile = readJson(join(dir, 'profile.json'));
  const { parts, ...bundle } = profile;
  const districts = readJson(join(dir, parts.districts));
  const csvs = new Map(filesOf(join(dir, parts.register), '.csv').map((f) => [basename(f, '.csv'), f]));
  bundle.districts = districts.map(({ id, name, settlements, places }) => (
    { id, name, live: csvs.has(id), ...(settlements && { settlements }), ...(places && { places }) }));
  bundle.register = [];
  for (const district of districts) {
    if (!csvs.has(district.id)) continue;
    const report = registerImport({ district: district.id, csv: readFileSync(csvs.get(district.id), 'utf8') });
    if (!report.ok) throw new Error(`${csvs.get(district.id)}: the register has refused rows`);
    bundle.register.push({ ...report.register, name: district.name, settlements: district.settlements ?? [] });
    csvs.delete(district.id);
  }
  if (csvs.size) throw new Error(`${[...csvs.values()][0]}: a register of no listed district`);
  for (const part of ['forms', 'policies', 'elections']) {
    bundle[part] = filesOf(join(dir, parts[part]), '.json').map(readJson);
  }
  bundle.boundary = readJson(join(dir, parts.boundary));
  bundle.facts = readJson(join(dir, parts.facts));
  return bundle;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, civic] = process.argv.slice(2);
  if (!dir || !civic) throw new Error('usage: node wasm/tools/profile-bundle.mjs DIR PATH/TO/civic');
  const bundle = assembleProfile(dir, (input) => {
    const run = spawnSync(civic, ['api', 'register.import', '-'], { input: JSON.stringify(input), maxBuffer: 1 << 28 });
    return JSON.parse(run.stdout.toString());
  });
  process.stdout.write(JSON.stringify(bundle) + '\n');
}
