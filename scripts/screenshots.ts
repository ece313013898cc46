/**
 * `npm run screenshots`: refreshes the README's two pictures from a build of the demo network: a post on a phone
 * and a school's page on a desktop, in docs/screenshots/. Build the demo first (npm run build).
 * Usage: npm run screenshots -- [--dist DIR]
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const dist = resolve(values.dist);
const out = resolve(import.meta.dirname, '../docs/screenshots');
const shots = [
  {
    file: 'post-phone.png',
    path: 'schools/castle-fields/why-we-stopped-marking-every-book/',
    viewport: { width: 390, height: 844 },
    scale: 2,
  },
  { file: 'school-desktop.png', path: 'schools/ysgol-bryn-derw/', viewport: { width: 1280, height: 800 }, scale: 1 },
];

const home = join(dist, 'index.html');
if (!existsSync(home) || !readFileSync(home, 'utf8').includes('Borderlands Commonroom')) {
  console.error(`${values.dist}/ does not hold a build of the demo network: run npm run build first.`);
  process.exit(1);
}
for (const shot of shots) {
  if (!existsSync(join(dist, shot.path, 'index.html'))) {
    console.error(
      `${values.dist}/${shot.path} is missing: the demo no longer has that page; update ${import.meta.filename}.`,
    );
    process.exit(1);
  }
}

mkdirSync(out, { recursive: true });
const server = await serveStatic(dist);
const { browser, close } = await launchBrowser();
try {
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: shot.viewport,
      deviceScaleFactor: shot.scale,
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(`${server.root}${shot.path}`, { waitUntil: 'networkidle' });
    await page.screenshot({ path: join(out, shot.file) });
    await context.close();
    console.log(`docs/screenshots/${shot.file}  ${shot.path} at ${shot.viewport.width}×${shot.viewport.height}`);
  }
} finally {
  await close();
  await server.close();
}
