// Loads the built npm package named by $CIVICKIT_PACKAGE (set by ctest), through its
// Node entry point, exactly as an installed `civickit` would be.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const packageDir = process.env.CIVICKIT_PACKAGE;
if (!packageDir) throw new Error('set CIVICKIT_PACKAGE to the built package (build/wasm/wasm/npm)');

export const civickit = await import(pathToFileURL(join(packageDir, 'node.mjs')).href);
// With the vote and tools modules: the tests cover every function of the JSON API.
export const civic = await civickit.load({ vote: true, tools: true });
