// Bundles the pages (map + planner, API docs, simulation, raw materials, shipments) with esbuild and writes their HTML,
// wrapped in the shared shell of pages.mjs, next to the bundles.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NAV, render } from './pages.mjs';

const out = resolve(process.env.CARAVAN_WEB_OUT || '../target/classes/web');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { app: 'src/app.js', 'api-docs': 'src/api-docs.js', simulation: 'src/simulation.js', 'raw-materials': 'src/raw-materials.js', shipments: 'src/shipments.js' },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['es2022'],
  outdir: out,
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'warning',
});
for (const [, page] of NAV) {
  writeFileSync(`${out}/${page}`, render(page, readFileSync(`src/${page}`, 'utf8')));
}
console.log(`caravan-web: built ${out}`);
