// Service colours: each service name gets a colour from one palette, the same on every page
// and every load (a hash of the name), moved to the next free colour when two services of one
// view would share it.

// Distinguishable on dark and light backgrounds; no pure red, which marks errors.
export const PALETTE: readonly string[] = [
  '#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#76b7b2', '#edc948',
  '#ff9da7', '#9c755f', '#bab0ac', '#a0cbe8', '#8cd17d', '#d37295',
];

// FNV-1a, 32 bits: stable across browsers and releases.
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Colours for a set of services: each its hashed colour unless an earlier one (by name) has
// it; then the next free one. Beyond PALETTE.length services colours repeat.
export function assignColors(services: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  const used = new Set<number>();
  for (const name of [...new Set(services)].sort()) {
    let index = hashName(name) % PALETTE.length;
    for (let tries = 0; used.has(index) && tries < PALETTE.length; tries++) {
      index = (index + 1) % PALETTE.length;
    }
    if (used.size < PALETTE.length) used.add(index);
    colors.set(name, PALETTE[index] as string);
  }
  return colors;
}
