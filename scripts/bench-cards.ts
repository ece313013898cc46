/**
 * Measures the SVG-to-PNG converters on the same cards: `npm run bench:cards -- [cards]`.
 * Prints ms per card for satori and each converter, PNG sizes, and how far each one's pixels differ
 * from those of the converter cards use.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import sharp from 'sharp';
import type { CardInput } from '../src/lib/cards/input.ts';
import { encodePixels, pngFromSvg, pngWithResvg, pngWithSharp, rasterise, toSvg } from '../src/lib/cards/render.ts';
import { cardTree } from '../src/lib/cards/template.ts';
import { renderInPool } from '../src/lib/cards/pool.ts';

const count = Number(process.argv[2] ?? 60);
const kinds = ['Reflection', 'Case study', 'Rules of thumb'];
const colours = ['#2b4c7e', '#7a1f3d', '#0b6e4f', '#917300'];
const inputs: CardInput[] = Array.from({ length: count }, (_, i) => ({
  layout: 'post',
  title: `${'What we learned when every class read aloud together '.slice(0, 20 + ((i * 7) % 34))} — part ${i} of a long series ŵ`,
  lang: 'en',
  network: 'Marches Schools Network',
  colour: colours[i % colours.length]!,
  eyebrow: kinds[i % kinds.length],
  byline: 'Ann Head, Headteacher',
  context: 'Castle Fields Primary School',
  date: `${(i % 28) + 1} March 2025`,
}));

const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
};

const converters = {
  'resvg + sharp encoder (used)': pngFromSvg,
  'resvg alone': pngWithResvg,
  'sharp alone (librsvg)': pngWithSharp,
  'resvg + sharp, level 1': (svg: string) =>
    encodePixels(rasterise(svg), { compressionLevel: 1, adaptiveFiltering: false }),
  'resvg + sharp, level 6': (svg: string) =>
    encodePixels(rasterise(svg), { compressionLevel: 6, adaptiveFiltering: false }),
  'resvg + sharp, adaptive filters': (svg: string) =>
    encodePixels(rasterise(svg), { compressionLevel: 4, adaptiveFiltering: true }),
  'resvg + sharp, 256-colour palette': (svg: string) =>
    encodePixels(rasterise(svg), { compressionLevel: 4, palette: true, effort: 1 }),
} as const;
type Converter = keyof typeof converters;
const names = Object.keys(converters) as Converter[];

// Warm up every converter and satori (font parsing, WASM) before measuring.
const warm = await toSvg(cardTree(inputs[0]!));
for (const name of names) await converters[name](warm);

let satoriMs = 0;
const svgs: string[] = [];
for (const input of inputs) {
  const [svg, s] = await time(() => toSvg(cardTree(input)));
  satoriMs += s;
  svgs.push(svg);
}
// Each converter draws every card in a pass of its own, as a build would, so none is timed on an SVG
// another has just drawn.
const ms = Object.fromEntries(names.map((name) => [name, 0])) as Record<Converter, number>;
const bytes = Object.fromEntries(names.map((name) => [name, 0])) as Record<Converter, number>;
const pngs = Object.fromEntries(names.map((name) => [name, [] as Buffer[]])) as Record<Converter, Buffer[]>;
for (const name of names) {
  for (const svg of svgs) {
    const [png, m] = await time(() => converters[name](svg));
    ms[name] += m;
    bytes[name] += png.length;
    pngs[name].push(png);
  }
}
/** Largest mean per-channel difference from the first converter's pixels, per converter. */
const diff = Object.fromEntries(names.map((name) => [name, 0])) as Record<Converter, number>;
for (let card = 0; card < svgs.length; card++) {
  const [first, ...others] = await Promise.all(
    names.map((name) => sharp(pngs[name][card]).removeAlpha().raw().toBuffer()),
  );
  others.forEach((raw, i) => {
    let total = 0;
    for (let j = 0; j < raw.length; j++) total += Math.abs(raw[j]! - first![j]!);
    const name = names[i + 1]!;
    diff[name] = Math.max(diff[name], total / raw.length);
  });
}
// Drawing and encoding apart: resvg's pixels alone, then the encoder used on pixels drawn beforehand.
let rasteriseMs = 0;
let encodeMs = 0;
for (const svg of svgs) {
  const [image, r] = await time(() => rasterise(svg));
  rasteriseMs += r;
  const pixels = { pixels: Buffer.from(image.pixels), width: image.width, height: image.height };
  encodeMs += (await time(() => encodePixels(pixels)))[1];
}
const per = (value: number) => (value / count).toFixed(1);
console.log(`${count} cards, one thread`);
console.log(`satori: ${per(satoriMs)} ms/card`);
console.log(
  `resvg drawing alone: ${per(rasteriseMs)} ms/card; sharp encoding alone (used settings): ${per(encodeMs)} ms/card`,
);
for (const name of names)
  console.log(
    `${name}: ${per(ms[name])} ms/card, ${Math.round(bytes[name] / count / 1024)} KB/card, pixels differ from the first by ${diff[name].toFixed(2)} / 255`,
  );

const dir = mkdtempSync(join(tmpdir(), 'cards-bench-'));
const threads = availableParallelism();
const stats = await renderInPool(
  inputs.map((input, i) => ({ input, out: join(dir, `${i}.png`), label: `card ${i}` })),
  threads,
);
rmSync(dir, { recursive: true, force: true });
console.log(
  `pool: ${count} cards in ${Math.round(stats.wallMs)} ms on ${threads} threads = ${((count * 1000) / stats.wallMs).toFixed(1)} cards/s (worker start-up included)`,
);
