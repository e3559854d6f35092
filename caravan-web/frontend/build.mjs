// Bundles the pages (map + planner, API docs, simulation, raw materials, shipments, studies) with esbuild and copies their HTML next to the bundles.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve(process.env.CARAVAN_WEB_OUT || '../target/classes/web');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { app: 'src/app.js', 'api-docs': 'src/api-docs.js', simulation: 'src/simulation.js', 'raw-materials': 'src/raw-materials.js', shipments: 'src/shipments.js', studies: 'src/studies.js' },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['es2022'],
  outdir: out,
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'warning',
});
for (const page of ['index.html', 'api-docs.html', 'simulation.html', 'raw-materials.html', 'shipments.html', 'studies.html']) {
  copyFileSync(`src/${page}`, `${out}/${page}`);
}
console.log(`caravan-web: built ${out}`);
