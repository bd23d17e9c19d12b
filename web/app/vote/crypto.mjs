// The page's side of the ballot worker (worker.mjs): one worker per page, started when first
// needed, so pages that do not vote never load the vote module. `onProgress` hears each stage.
let worker = null;
let next = 0;
const pending = new Map();

function start() {
  worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    const job = pending.get(data.id);
    if (!job) return;
    if (data.progress) return job.onProgress?.(data.progress);
    pending.delete(data.id);
    if (data.error) job.reject(data.error);
    else job.resolve(data.output);
  };
  worker.onerror = (event) => {
    for (const job of pending.values()) job.reject({ code: 'vote.client.worker', message: { en: event.message ?? 'worker failed' } });
    pending.clear();
    worker = null;
  };
}

function run(op, input, onProgress) {
  if (!worker) start();
  const id = next++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ id, op, input });
  });
}

/** → {ballot, tracking_code, seed}: encrypted, signed for casting, its proofs checked here. */
export const encrypt = (input, onProgress) => run('encrypt', input, onProgress);
/** → {entry, selections}: the ballot spoiled and opened, the opening checked here. */
export const spoil = (input, onProgress) => run('spoil', input, onProgress);
