// Post-js of civickit.wasm (after js/boundary.js), the JavaScript side of its C exports
// (citizen_exports.cpp, profile_exports.cpp, sealer_exports.cpp): the hot small calls, and
// the handles of what a page keeps open (numbers; each *Delete frees one). A call that may be
// refused answers null, and Module.refusal() is then its {"error": ...} text. js/index.mjs
// gives all this its public shape.

// Static names ("egn", "male") by address, decoded once.
var civicNames = new Map();

function civicName(span) {
  var at = HEAPU32[span >> 2];
  if (at === 0) return null;
  var name = civicNames.get(at);
  if (name === undefined) civicNames.set(at, (name = civicText(span)));
  return name;
}

function civicIso(year, month, day) {
  return year + (month < 10 ? '-0' : '-') + month + (day < 10 ? '-0' : '-') + day;
}

// id.check's errors as [code, message.bg, message.en], by their index in the module
// (IdAnswer.error), each decoded the first time it is given.
var civicIdErrors = [];

function civicIdError(out, index) {
  var error = civicIdErrors[index];
  if (error === undefined) civicIdErrors[index] = error = [civicText(out + 36), civicText(out + 44), civicText(out + 52)];
  return error;
}

// id.check's output for well-formed text (kind '' for any), or null when id.check would
// refuse the request (today not a date, an unknown kind): ask it for the refusal.
Module['checkId'] = function (number, kind, today) {
  var at = civicReserve(3 * (number.length + kind.length + today.length));
  var numberSize = civicPut(number, at);
  var kindAt = at + numberSize;
  var kindSize = civicPut(kind, kindAt);
  var todaySize = civicPut(today, kindAt + kindSize);
  var out = _civic_check_id(at, numberSize, kindAt, kindSize, kindAt + kindSize, todaySize);
  civicRelease();
  var word = out >> 2;  // IdAnswer, word by word
  if (HEAPU32[word] === 0) return null;
  var errorIndex = HEAP32[word + 3];
  var error = errorIndex < 0 ? null : civicIdError(out, errorIndex);
  var year = HEAPU32[word + 6];
  return {
    input: number,
    kind: civicName(out + 4),
    valid: error === null,
    code: error === null ? null : error[0],
    birth_date: year === 0 ? null : civicIso(year, HEAPU32[word + 7], HEAPU32[word + 8]),
    sex: civicName(out + 16),
    message: error === null ? null : { bg: error[1], en: error[2] },
  };
};

// text.translit's and text.fold's "text", for well-formed text.
Module['transliterate'] = function (text) {
  return civicAsk(_civic_transliterate, text);
};
Module['foldForSearch'] = function (text) {
  return civicAsk(_civic_fold_for_search, text);
};

// A loaded profile (civic::api::ProfileJson) from the bundle's JSON text; its methods answer
// JSON text.
Module['profileNew'] = function (bundleJson) {
  var size = civicWrite(bundleJson);
  var profile = _civic_profile_new(civicInput, size);
  civicRelease();
  return profile;
};
Module['profileDelete'] = _civic_profile_delete;
Module['profileStatus'] = function (profile) {
  return civicText(_civic_profile_status(profile));
};
Module['profileValidateAddress'] = function (profile, addressJson) {
  return civicAsk(_civic_profile_validate_address, addressJson, profile);
};
Module['profileSuggest'] = function (profile, queryJson) {
  return civicAsk(_civic_profile_suggest, queryJson, profile);
};
Module['profileCheckEligibility'] = function (profile, requestJson) {
  return civicAsk(_civic_profile_check_eligibility, requestJson, profile);
};
Module['profileCatalogue'] = function (profile) {
  return civicText(_civic_profile_catalogue(profile));
};
Module['profileSeal'] = function (profile, requestJson) {
  return civicAsk(_civic_profile_seal, requestJson, profile);
};

// A form session (civic::api::FormSessionJson) from its request, of a definition or (with a
// profile whose status was ok) of one of the profile's forms; its methods answer JSON text.
Module['sessionNew'] = function (requestJson, profile) {
  var size = civicWrite(requestJson);
  var session = profile === undefined ? _civic_session_new(civicInput, size) :
    _civic_session_new_in_profile(profile, civicInput, size);
  civicRelease();
  return session;
};
Module['sessionDelete'] = _civic_session_delete;
Module['sessionStatus'] = function (session) {
  return civicText(_civic_session_status(session));
};
Module['sessionReport'] = function (session) {
  return civicText(_civic_session_report(session));
};
Module['sessionAnswers'] = function (session) {
  return civicText(_civic_session_answers(session));
};
Module['sessionSetAnswers'] = function (session, answersJson) {
  return civicAsk(_civic_session_set_answers, answersJson, session);
};
Module['sessionSetAnswer'] = function (session, pointer, valueJson) {
  var at = civicReserve(3 * (pointer.length + valueJson.length));
  var pointerSize = civicPut(pointer, at);
  var valueSize = civicPut(valueJson, at + pointerSize);
  return civicAnswer(_civic_session_set_answer(session, at, pointerSize, at + pointerSize, valueSize));
};
Module['sessionSetToday'] = function (session, today) {
  return civicAsk(_civic_session_set_today, today, session);
};

// A file sealer (civic::sealed_file::Sealer), or null when refused.
Module['sealerNew'] = function (size, publicKey, seed) {
  var at = civicReserve(3 * (publicKey.length + seed.length));
  var keySize = civicPut(publicKey, at);
  var sealer = _civic_sealer_new(size, at, keySize, at + keySize, civicPut(seed, at + keySize));
  civicRelease();
  return sealer;
};
Module['sealerDelete'] = _civic_sealer_delete;
Module['sealerHeader'] = function (sealer) {
  return civicBytes(_civic_sealer_header(sealer));
};
Module['sealerUploadId'] = function (sealer) {
  return civicText(_civic_sealer_upload_id(sealer));
};
Module['sealerChunkCount'] = function (sealer) {
  return _civic_sealer_chunk_count(sealer);
};
// Sealed chunk `index` of `plaintext` (a Uint8Array) as a new Uint8Array, or null.
Module['sealerSealChunk'] = function (sealer, index, plaintext) {
  var at = civicReserve(plaintext.length);
  HEAPU8.set(plaintext, at);
  var sealed = _civic_sealer_seal_chunk(sealer, index, at, plaintext.length);
  civicRelease();
  return civicBytes(sealed);
};
// The file's SHA-256 (hex), or null.
Module['sealerSha256'] = function (sealer) {
  return civicText(_civic_sealer_sha256(sealer));
};
Module['sealedFileChunkBytes'] = function () {
  return _civic_sealed_file_chunk_bytes();
};

// A copy of the bytes of a Span, or null for a null answer.
function civicBytes(span) {
  if (span === 0) return null;
  var at = HEAPU32[span >> 2];
  return HEAPU8.slice(at, at + HEAPU32[(span >> 2) + 1]);
}
