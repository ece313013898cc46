/**
 * `npm run build`: checks the content first, exactly as `npm run check` does, and only then runs `astro build`.
 * A bad file stops the build with the check's one-line messages (no stack trace) before anything is written;
 * if Astro itself fails, the half-written output folder is removed. Extra arguments go to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { checkContent } from '../src/lib/check/check-content.ts';
import { printReport } from '../src/lib/check/report.ts';
import { settingsOrExit } from '../src/lib/settings.ts';

const started = performance.now();
const settings = settingsOrExit();
const result = await checkContent({ root: settings.contentRoot, now: settings.now });
if (printReport(result, { quiet: true, seconds: (performance.now() - started) / 1000 }) > 0) {
  console.error('The build stopped before writing anything.');
  process.exit(1);
}

// A production build must not be a preview: variables that make Vite and Astro think they are in
// development (NODE_ENV=test from a test runner, DEV=1 from a shell) would publish drafts and scheduled posts.
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete env[name];

const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const build = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], { stdio: 'inherit', env });
if (build.status !== 0) {
  const out = settings.outDir;
  rmSync(out, { recursive: true, force: true });
  console.error(`The build failed; ${out} was removed so nothing half-built is left.`);
  process.exit(build.status ?? 1);
}
