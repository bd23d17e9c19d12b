// The server's voting API (server/openapi.yaml, /api/v1/elections...): every call answers
// {ok: true, body} or {ok: false, status, problem}, where problem is the server's
// problem+json ({code, title, detail} in Bulgarian and English) or, when the network failed,
// {code: 'network'}. Nothing here is cached: the service worker leaves /api/ alone.
const BASE = '/api/v1';
const TIMEOUT_MS = 30000;

async function call(path, { method = 'GET', body, token } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { ok: false, status: 0, problem: { code: 'network' } };
  }
  const json = await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, body: json };
  return { ok: false, status: response.status, problem: json ?? { code: `http.${response.status}` } };
}

const election = (id) => `/elections/${encodeURIComponent(id)}`;

export const listElections = () => call('/elections');
export const getElection = (id) => call(election(id));
export const requestCode = (id, personalNumber, phone) =>
  call(`${election(id)}/voters/code`, { method: 'POST', body: { personal_number: personalNumber, phone } });
export const openSession = (id, request, code, location) =>
  call(`${election(id)}/voters/session`, { method: 'POST', body: { request, code, location } });
/** Casts a ballot as vote.encrypt signed it: the board entry {status: 'cast', ballot}. */
export const castBallot = (id, token, ballot) => call(`${election(id)}/ballots`, { method: 'POST', body: { status: 'cast', ballot }, token });
/** Publishes a spoiled ballot: vote.spoil's entry {status: 'spoiled', ballot, opening}. */
export const spoilBallot = (id, token, entry) => call(`${election(id)}/ballots`, { method: 'POST', body: entry, token });
export const findOnBoard = (id, trackingCode) => call(`${election(id)}/board/${encodeURIComponent(trackingCode)}`);
export const getResults = (id) => call(`${election(id)}/results`);

/** Where the whole board (the directory layout `civic vote verify` reads) is downloaded. */
export const boardDownloadUrl = (id) => `${BASE}${election(id)}/board.tar`;
/** The open data files of a published result. */
export const openDataUrl = (id, file) => `${BASE}${election(id)}/open-data/${file}`;
