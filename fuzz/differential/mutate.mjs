// Mutations of a JSON API call for the differential fuzz. A call is { function, input } where
// input is JSON text. Mutations work on whole code points, never splitting a surrogate pair, so
// the native core and the wasm module receive the same UTF-8 bytes.

const strings = [
  '', ' ', 'а', 'Ж', 'ѝ', 'Щ', 'ß', 'é', 'e\u0301', '\u0000', '\u2028', '\u{1D11E}', '\u{1F3E0}', 'İ',
  'ул. Витоша 12', 'ж.к. Младост 1, бл. 12, вх. А, ет. 3, ап. 9', 'Vitosa 12', '7501020018',
  '2026-02-29', '1999-13-01', '24:00', 'NaN', 'null', '{}', 'x'.repeat(5000),
];
const numbers = [
  0, 1, -1, 2, 0.1, 0.5, 1.5, 100, 1e21, 1e-7, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 2 ** 64,
  1.7976931348623157e308, 5e-324, 0.30000000000000004, -1e308, 123456789012,
];
// Number spellings JSON.stringify never writes, put into the text as they are.
const numberSpellings = ['-0', '1.0', '1E400', '-1e-400', '1e+2', '0.000001', '100000000000000000000001',
  '9007199254740993', '1.00000000000000011', '-0.0', '4.35', '0e0'];
const fragments = ['{', '}', '[', ']', '"', ',', ':', '\\', '\\u', '\\ud800', ' ', '\n', '0', '-', 'e', 'true',
  'null', '\uFEFF', 'а', '\u{1F3E0}'];

// A mutated copy of `call`: one to three stacked mutations of its input, and now and then the
// input of one function given to another.
export function mutateCall(call, seeds, functions, random) {
  const name = random.chance(0.05) ? random.pick(functions) : call.function;
  let input = call.input;
  const rounds = random.chance(0.6) ? 1 : 2 + random.below(2);
  for (let round = 0; round < rounds; ++round) {
    input = mutateText(input, seeds, random);
  }
  return { function: name, input };
}

function mutateText(text, seeds, random) {
  if (random.chance(0.65)) {
    const value = parse(text);
    if (value !== undefined) return JSON.stringify(mutateValue(value, seeds, random)) ?? '';
  }
  const points = Array.from(text);
  const at = random.below(points.length + 1);
  switch (random.below(8)) {
    case 0:
      points.splice(at, 1 + random.below(8));
      break;
    case 1:
      points.splice(at, 0, ...Array.from(random.pick(fragments)));
      break;
    case 2:
      points.splice(at, 1, ...Array.from(random.pick(fragments)));
      break;
    case 3:
      points.splice(at, 0, ...points.slice(random.below(points.length + 1)).slice(0, 1 + random.below(64)));
      break;
    case 4:
      points.length = at;
      break;
    case 5:
      return replaceNumber(text, random);
    case 6:
      return `\uFEFF${text}`;
    default: {
      const depth = random.pick([64, 200, 1000]);
      return `${'['.repeat(depth)}${text}${']'.repeat(depth)}`;
    }
  }
  return points.join('');
}

// The text with one of its numbers spelled another way.
function replaceNumber(text, random) {
  const found = [...text.matchAll(/-?\d+(\.\d+)?([eE][+-]?\d+)?/g)];
  if (found.length === 0) return text;
  const match = random.pick(found);
  return text.slice(0, match.index) + random.pick(numberSpellings) + text.slice(match.index + match[0].length);
}

function mutateValue(value, seeds, random) {
  const nodes = [];
  collect(value, null, null, nodes);
  const { parent, key, node } = random.pick(nodes);
  const replaced = mutateNode(node, seeds, random);
  if (parent === null) return replaced;
  if (replaced === undefined) {
    if (Array.isArray(parent)) parent.splice(key, 1);
    else delete parent[key];
  } else {
    parent[key] = replaced;
  }
  return value;
}

// The node's replacement; undefined removes it from its parent.
function mutateNode(node, seeds, random) {
  switch (random.below(6)) {
    case 0:
      return undefined;
    case 1:
      return random.pick([null, true, false, [], {}, random.pick(strings), random.pick(numbers)]);
    case 2: {
      const other = parse(random.pick(seeds).input);
      if (other === undefined) return node;
      const nodes = [];
      collect(other, null, null, nodes);
      return random.pick(nodes).node;
    }
    case 3:
      if (typeof node === 'string') return mutateString(node, random);
      if (typeof node === 'number') return random.chance(0.5) ? -node : node * random.pick([10, 0.1, 1000003]);
      return node;
    case 4:
      if (Array.isArray(node) && node.length > 0) {
        return random.chance(0.5) ? [...node, ...node] : [...node].reverse();
      }
      if (isObject(node)) return { ...node, [random.pick(strings).slice(0, 12)]: random.pick(numbers) };
      return node;
    default:
      return [node];
  }
}

function mutateString(text, random) {
  const points = Array.from(text);
  const at = random.below(points.length + 1);
  if (random.chance(0.5)) points.splice(at, 1);
  else points.splice(at, 0, ...Array.from(random.pick(strings).slice(0, 8)));
  return points.join('');
}

function collect(node, parent, key, nodes) {
  nodes.push({ parent, key, node });
  if (Array.isArray(node)) node.forEach((child, index) => collect(child, node, index, nodes));
  else if (isObject(node)) Object.keys(node).forEach((name) => collect(node[name], node, name, nodes));
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
