// A small seeded generator (mulberry32): the same seed gives the same sequence on every machine,
// so a differential run is reproduced from the seed it prints.
export function randomGenerator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    // An integer in [0, count).
    below: (count) => Math.floor(next() * count),
    // One element of a non-empty array.
    pick: (items) => items[Math.floor(next() * items.length)],
    // True with the given probability.
    chance: (probability) => next() < probability,
  };
}
