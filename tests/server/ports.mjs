// How a test learns the loopback port of a server it starts, without choosing one that another
// process may already hold.
//
//   const port = await listeningPort(proc);   // civic-server started with `--port 0`
//   const port = await freePort();            // for a program that must be given a port
import { createServer } from 'node:net';

/**
 * The port civic-server chose when started with `--port 0`: the `port` of the first
 * `"event":"listening"` JSON line on its stderr (which must be a pipe). Every line read is
 * pushed to `log` and every chunk handed to `echo`. Rejects, with the log, if the process
 * exits first; `name` opens that message.
 */
export function listeningPort(proc, { log = [], echo = () => {}, name = 'civic-server' } = {}) {
  return new Promise((resolve, reject) => {
    let buffer = '';
    proc.stderr.on('data', (chunk) => {
      echo(chunk);
      buffer += chunk;
      for (let newline; (newline = buffer.indexOf('\n')) >= 0;) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        log.push(line);
        try {
          const event = JSON.parse(line);
          if (event.event === 'listening') resolve(event.port);
        } catch { /* not JSON: kept in the log */ }
      }
    });
    proc.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${log.join('\n')}`)));
  });
}

/**
 * A loopback port free at this moment (the kernel's choice). Another process may take it
 * before the program it is meant for binds it: a caller retries on another port.
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
