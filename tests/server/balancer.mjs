// A real load balancer for the server tests: Debian's haproxy running deploy/haproxy.cfg, in
// front of two civic-server replicas, on a free loopback port; stopped when the test
// process exits.
//
//   const balancer = await startBalancer([replicaA.url, replicaB.url]);
//   await fetch(`${balancer.url}/healthz`); await balancer.stop();
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { repo } from './harness.mjs';
import { freePort } from './ports.mjs';

// Resolves once a request through the balancer is answered by a replica; rejects with
// haproxy's output if it exits first (a port taken meanwhile, a config error).
async function answering(url, exited) {
  let gone = null;
  exited.then((output) => { gone = output; });
  for (;;) {
    if (gone !== null) throw new Error(`haproxy exited:\n${gone}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// One haproxy on a free port; the port may be taken between the probe and haproxy's bind,
// so a start that fails is tried again on another port (three times at most).
async function startOnce(replicaUrls) {
  const [a, b] = replicaUrls.map((url) => new URL(url).host);
  const port = await freePort();
  const proc = spawn('haproxy', ['-db', '-f', join(repo, 'deploy', 'haproxy.cfg')], {
    env: { ...process.env, CIVIC_LB_BIND: `127.0.0.1:${port}`, CIVIC_REPLICA_A: a, CIVIC_REPLICA_B: b },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (chunk) => { output += chunk; });
  proc.stderr.on('data', (chunk) => { output += chunk; });
  const exited = new Promise((resolve) => {
    proc.on('error', (error) => resolve(`${error.message} (is haproxy installed? run scripts/bootstrap.sh)`));
    proc.on('exit', () => resolve(output));
  });
  const stopAtExit = () => proc.kill('SIGKILL');
  process.on('exit', stopAtExit);
  const url = `http://127.0.0.1:${port}`;
  try {
    await answering(url, exited);
  } catch (error) {
    process.off('exit', stopAtExit);
    throw error;
  }
  return {
    url,
    async stop() {
      process.off('exit', stopAtExit);
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

export async function startBalancer(replicaUrls) {
  for (let attempt = 1; ; ++attempt) {
    try {
      return await startOnce(replicaUrls);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
