// Starts Debian's Xvfb on a free display (Xvfb picks it: -displayfd) and resolves with
// { display, stop() } once it accepts clients. Mesa's software OpenGL draws into it.
import { spawn } from 'node:child_process';

export function startXvfb({ size = '1280x800x24' } = {}) {
  return new Promise((resolve, reject) => {
    let proc;
    try {
      proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', size, '-nolisten', 'tcp'],
          { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    } catch (error) {
      reject(new Error(`Xvfb could not start (is the xvfb package installed?): ${error.message}`));
      return;
    }
    let stderr = '';
    proc.stderr.on('data', (chunk) => { stderr += chunk; });
    proc.on('error', (error) => reject(new Error(`Xvfb could not start (apt-get install xvfb): ${error.message}`)));
    proc.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready:\n${stderr}`)));
    let number = '';
    proc.stdio[3].on('data', (chunk) => {
      number += chunk;
      if (!number.includes('\n')) return;
      const exited = new Promise((done) => proc.on('exit', done));
      resolve({
        display: `:${number.trim()}`,
        async stop() { proc.kill('SIGTERM'); await exited; },
      });
    });
  });
}
