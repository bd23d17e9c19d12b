// Attaching a file to a `file` field of the open draft (docs/forms.md): the core tells the
// file's type from its first bytes and refuses what the field does not accept, with its own
// message; then the file is sealed to the municipality chunk by chunk, straight from
// `file.slice()`, each sealed chunk written to storage as it is made, so a 10 MB scan is
// never held twice in memory and nothing is kept in clear. The answer names the sealed
// upload; the outbox sends it before the envelope (uploads.mjs).
import { valueAt, within } from './answers.mjs';
import { changeAnswer } from './draft.mjs';

const SNIFF_BYTES = 16;
const UNKNOWN_TYPE = 'application/octet-stream';

/**
 * Adds `file` to the field at `pointer` of `open` (replacing item `replace` when given).
 * → { answer } once it is sealed and set, { refusal } (a core error, nothing kept), or {} when
 * the draft was closed meanwhile.
 * `onProgress(done, total)` counts the chunks sealed.
 */
export async function attachFile(app, open, pointer, file, { replace = null, onProgress = () => {} } = {}) {
  const { civic, bundle } = app.engine;
  const list = [...(valueAt(open.session.answers, pointer) ?? [])];
  const index = replace ?? list.length;
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const described = { name: file.name, media_type: civic.mediaTypeOf(head) ?? UNKNOWN_TYPE, size: file.size };
  const refusal = problemWith(open, pointer, list, index, { ...described, sha256: '0'.repeat(64) });
  if (refusal) return { refusal };

  const sealer = civic.sealFile(file.size, bundle.keys.envelope);
  let answer;
  try {
    const upload = { id: sealer.upload, draftId: open.draft.id, header: sealer.header, size: file.size, chunks: sealer.chunkCount, createdAt: new Date().toISOString() };
    await app.store.put('uploads', upload);
    for (let chunk = 0; chunk < upload.chunks; chunk++) {
      const start = chunk * sealer.chunkBytes;
      const plain = new Uint8Array(await file.slice(start, start + sealer.chunkBytes).arrayBuffer());
      await app.store.put('chunks', { upload: upload.id, index: chunk, bytes: sealer.sealChunk(chunk, plain) });
      onProgress(chunk + 1, upload.chunks);
    }
    answer = { ...described, sha256: sealer.sha256(), upload: upload.id };
  } catch (error) {
    await forget(app, [sealer.upload]);
    throw error;
  } finally {
    sealer.delete();
  }
  const previous = list[index]?.upload;
  list[index] = answer;
  const report = changeAnswer(app, open, pointer, list);
  if (!report) {  // the draft was closed meanwhile: the file is not kept
    await forget(app, [answer.upload]);
    return {};
  }
  const afterwards = report?.errors.find((error) => within(error.path, `${pointer}/${index}`));
  if (afterwards?.code === 'form.file_duplicate') {  // known only once its SHA-256 is
    await detachFile(app, open, pointer, index);
    return { refusal: afterwards };
  }
  if (previous) await forget(app, [previous]);
  return { answer };
}

/** Removes item `index` of the field at `pointer` and its sealed chunks. */
export async function detachFile(app, open, pointer, index) {
  const list = [...(valueAt(open.session.answers, pointer) ?? [])];
  const [removed] = list.splice(index, 1);
  changeAnswer(app, open, pointer, list.length ? list : null);
  if (removed?.upload) await forget(app, [removed.upload]);
}

/** The answers with every file answer of `form` left out (a correction attaches them anew). */
export function withoutFiles(form, answers) {
  const files = new Set(form.steps.flatMap((step) => step.fields).filter((f) => f.type === 'file').map((f) => f.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !files.has(id)));
}

function forget(app, ids) {
  return app.store.deleteUploads((upload) => ids.includes(upload.id));
}

// The core's error about the item a file would become (its type, its size, the count), with
// a provisional digest; the session is left as it was.
function problemWith(open, pointer, list, index, item) {
  const trial = [...list];
  trial[index] = item;
  const report = open.session.setAnswer(pointer, trial);
  open.session.setAnswer(pointer, list.length ? list : null);
  return report.errors.find((error) => (error.path === pointer && error.code !== 'form.missing')
    || within(error.path, `${pointer}/${index}`)) ?? null;
}
