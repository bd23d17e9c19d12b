// civickit inside a module Web Worker: checks run off the main thread (useful for the heavy
// calls, such as ballot encryption). Messages: {id, fn, input} → {id, output} or {id, error}.
import { load } from '/civickit/index.mjs';

const civic = await load();

self.onmessage = ({ data: { id, fn, input } }) => {
  try {
    self.postMessage({ id, output: civic.call(fn, input) });
  } catch (error) {
    self.postMessage({ id, error: { code: error.code, message: error.messages ?? { en: String(error) } } });
  }
};
self.postMessage({ ready: true });
