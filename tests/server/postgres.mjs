// A real PostgreSQL for the server tests: Debian's postgresql server binaries, `initdb` into a
// temporary folder as the unprivileged `postgres` user (the tests run as root; PostgreSQL
// refuses to run as root), listening on a Unix socket in that folder only (no TCP port to
// collide with anything), stopped when the test process exits.
//
//   const cluster = startPostgres();           // throws, with the server's log, if it cannot
//   const url = cluster.createDatabase('a');   // postgresql:///a?host=…&user=civic
//   await cluster.halt(); await cluster.resume(); cluster.stop();
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const USER = 'civic';

// The newest installed server's bin folder (Debian keeps initdb and pg_ctl off the PATH).
function serverBinaries() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/bootstrap.sh');
  }
  return join(root, versions[0], 'bin');
}

function idOf(flag) {
  const run = spawnSync('id', [flag, 'postgres']);
  if (run.status !== 0) throw new Error('the postgres system user is missing: run scripts/bootstrap.sh');
  return Number(run.stdout.toString());
}

// A test process ended by a signal (a ctest timeout, Ctrl-C) still runs its 'exit'
// handlers, so no PostgreSQL outlives it.
let signalsHandled = false;
function stopOnSignals() {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => process.exit(1));
}

export function startPostgres() {
  const bin = serverBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'civic-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const asRoot = process.getuid() === 0;
  if (asRoot) chownSync(dir, idOf('-u'), idOf('-g'));
  // As root: through runuser to the postgres user; otherwise as the calling user.
  const run = (program, args) => {
    const [command, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]]
      : [join(bin, program), args];
    return spawnSync(command, argv, { encoding: 'utf8' });
  };
  // The same without blocking the event loop (requests stay in flight meanwhile).
  const runAsync = (program, args) => new Promise((resolve) => {
    const [command, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]]
      : [join(bin, program), args];
    const child = spawn(command, argv);
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', (error) => resolve({ status: -1, error }));
    child.on('exit', (status) => resolve({ status, stdout: output }));
  });
  const fail = (what, result) => {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL could not ${what} (the PostgreSQL tests cannot run without it):\n` +
        `${result.error ?? ''}${result.stdout ?? ''}${result.stderr ?? ''}\n${log}`);
  };

  const init = run('initdb', ['-D', data, '-U', USER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  if (init.status !== 0) fail('initialise a cluster', init);
  const options = `-c listen_addresses= -c unix_socket_directories=${dir} -c max_connections=200`;
  const pgCtl = (...args) => run('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '120', ...args]);
  const started = pgCtl('-o', options, 'start');
  if (started.status !== 0) fail('start', started);

  const adminUrl = `postgresql:///postgres?host=${dir}&user=${USER}`;
  let stopped = false;
  const cluster = {
    dir,
    url(database) { return `postgresql:///${database}?host=${dir}&user=${USER}`; },
    // SQL run by psql on DATABASE (the maintenance database by default); returns stdout.
    sql(statement, database = 'postgres') {
      const psql = spawnSync(join(bin, 'psql'), ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', statement, cluster.url(database)], { encoding: 'utf8' });
      if (psql.status !== 0) throw new Error(`psql: ${psql.stderr}`);
      return psql.stdout.trim();
    },
    createDatabase(name) {
      cluster.sql(`CREATE DATABASE ${name}`);
      return cluster.url(name);
    },
    // A fast shutdown (clients are disconnected, open transactions roll back); resolves once
    // the server is down. The event loop keeps running meanwhile.
    async halt() {
      const halted = await runAsync('pg_ctl', ['-D', data, '-w', '-t', '120', '-m', 'fast', 'stop']);
      if (halted.status !== 0) fail('stop', halted);
    },
    // Starts the halted server again; resolves once it accepts connections.
    async resume() {
      const again = await runAsync('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '120', '-o', options, 'start']);
      if (again.status !== 0) fail('start again', again);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
    adminUrl,
  };
  process.on('exit', () => cluster.stop());
  stopOnSignals();
  return cluster;
}
