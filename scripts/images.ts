/**
 * `npm run images`: lists the images in the content folder that carry camera metadata (GPS position, names,
 * times), and with `--strip` removes it from the files in place, keeping their pixels exactly as they are.
 * Usage: npm run images -- [--strip] [--content DIR]
 */
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { readImageFacts } from '../src/lib/images/metadata.ts';
import { stripMetadata } from '../src/lib/images/strip.ts';
import { settingsOrExit } from '../src/lib/settings.ts';

const { values } = parseArgs({
  options: { strip: { type: 'boolean', default: false }, content: { type: 'string' } },
});
const root = values.content ?? settingsOrExit().contentRoot;
const images = (await readdir(root, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile() && /^\.(jpe?g|png|webp|gif|svg|avif|heic|heif|tiff?)$/i.test(extname(entry.name)))
  .map((entry) => join(entry.parentPath, entry.name))
  .sort();

let carrying = 0;
let stripped = 0;
for (const file of images) {
  const bytes = await readFile(file);
  const facts = await readImageFacts(bytes);
  const clean = stripMetadata(bytes);
  if (!facts.anyMetadata && !clean) continue;
  carrying++;
  const what = [
    ...(facts.gps ? ['GPS position'] : []),
    ...(facts.people.length ? [`names: ${facts.people.join(', ')}`] : []),
  ];
  const name = relative(process.cwd(), file);
  if (!values.strip) {
    console.log(`${name}: ${what.length ? what.join('; ') : 'camera details'}`);
    continue;
  }
  if (!clean) {
    console.log(`${name}: cannot be cleaned without changing the picture; export it as a JPEG and replace it`);
    continue;
  }
  await writeFile(`${file}.strip`, clean);
  await rename(`${file}.strip`, file);
  stripped++;
  console.log(`${name}: removed ${what.length ? what.join('; ') : 'camera details'}`);
}

if (!carrying)
  console.log(`None of the ${images.length} images in ${relative(process.cwd(), root) || '.'} carry metadata.`);
else if (!values.strip)
  console.log(
    `\n${carrying} of ${images.length} images carry metadata. Run \`npm run images -- --strip\` to remove it.`,
  );
else console.log(`\nRemoved metadata from ${stripped} of ${images.length} images; their pictures are unchanged.`);
