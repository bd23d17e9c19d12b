// Post-js of every module of the package, the JavaScript side of wasm/boundary.hpp: text goes
// in as UTF-8 written into module memory, answers come out as (pointer, length) read at once;
// no embind. Adds Module.call(fn, inputJson), the module's part of the JSON API (its
// civic_call export); js/citizen.js adds the citizen module's direct calls and handles.

var civicEncoder = new TextEncoder();
var civicDecoder = new TextDecoder();
// One input buffer for every call, grown as needed; one that grew past 64 KiB (a profile
// bundle) is freed after its call.
var civicInput = 0;
var civicInputSize = 0;

// The input buffer, with room for `size` bytes.
function civicReserve(size) {
  if (size > civicInputSize) {
    _free(civicInput);
    var wanted = Math.max(size, 2 * civicInputSize, 1024);
    civicInput = _malloc(wanted);
    civicInputSize = civicInput ? wanted : 0;
    if (!civicInput) throw new RangeError('civickit: no memory left for an input of ' + size + ' bytes');
  }
  return civicInput;
}

// Short text (an EGN, a date, a JSON pointer, a street typed so far) is encoded here: cheaper than
// a call into the encoder or decoder.
var civicShort = 32;

// The memory from the input buffer on, a view kept for the encoder while neither moves (a view
// per call cost as much as a tenth of a transliteration).
var civicInputView = null;

function civicInputBytes() {
  if (civicInputView === null || civicInputView.byteOffset !== civicInput || civicInputView.buffer !== HEAPU8.buffer) {
    civicInputView = HEAPU8.subarray(civicInput);
  }
  return civicInputView;
}

// Writes `text` as UTF-8 at `at` (room reserved: 3 bytes per UTF-16 unit); returns its size. A
// lone surrogate becomes U+FFFD, as TextEncoder writes it.
function civicPut(text, at) {
  var length = text.length;
  if (length > civicShort) {
    var bytes = at === civicInput ? civicInputBytes() : HEAPU8.subarray(at, at + 3 * length);
    return civicEncoder.encodeInto(text, bytes).written;
  }
  var to = at;
  for (var i = 0; i < length; ++i) {
    var c = text.charCodeAt(i);
    if (c < 0x80) {
      HEAPU8[to++] = c;
      continue;
    }
    if (c < 0x800) {
      HEAPU8[to++] = 0xC0 | (c >> 6);
      HEAPU8[to++] = 0x80 | (c & 0x3F);
      continue;
    }
    if (c >= 0xD800 && c < 0xE000) {
      var low = c < 0xDC00 && i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (low < 0xDC00 || low >= 0xE000) {
        c = 0xFFFD;
      } else {
        c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
        ++i;
        HEAPU8[to++] = 0xF0 | (c >> 18);
        HEAPU8[to++] = 0x80 | ((c >> 12) & 0x3F);
        HEAPU8[to++] = 0x80 | ((c >> 6) & 0x3F);
        HEAPU8[to++] = 0x80 | (c & 0x3F);
        continue;
      }
    }
    HEAPU8[to++] = 0xE0 | (c >> 12);
    HEAPU8[to++] = 0x80 | ((c >> 6) & 0x3F);
    HEAPU8[to++] = 0x80 | (c & 0x3F);
  }
  return to - at;
}

// Writes `text` alone into the input buffer; returns its size (it starts at civicInput).
function civicWrite(text) {
  return civicPut(text, civicReserve(3 * text.length));
}

// The answer of `fn(pointer, size)` (`fn(handle, pointer, size)` with a handle) for `text`.
function civicAsk(fn, text, handle) {
  var size = civicWrite(text);
  return civicAnswer(handle === undefined ? fn(civicInput, size) : fn(handle, civicInput, size));
}

function civicRelease() {
  if (civicInputSize > 65536) {
    _free(civicInput);
    civicInput = 0;
    civicInputSize = 0;
  }
}

// The text of a Span (wasm/boundary.hpp) at `span`, or null for a null answer.
function civicText(span) {
  if (span === 0) return null;
  var at = HEAPU32[span >> 2];
  var end = at + HEAPU32[(span >> 2) + 1];
  if (end - at <= civicShort) {
    for (var text = '', i = at; i < end && HEAPU8[i] < 128; ++i) text += String.fromCharCode(HEAPU8[i]);
    if (i === end) return text;
  }
  return civicDecoder.decode(HEAPU8.subarray(at, end));
}

// The answer's text, once the input buffer is released.
function civicAnswer(span) {
  civicRelease();
  return civicText(span);
}

// The {"error": ...} text of the last refused call.
Module['refusal'] = function () {
  return civicText(_civic_last_answer());
};

Module['call'] = function (fn, inputJson) {
  var at = civicReserve(3 * (fn.length + inputJson.length));
  var fnSize = civicPut(fn, at);
  return civicAnswer(_civic_call(at, fnSize, at + fnSize, civicPut(inputJson, at + fnSize)));
};
