/**
 * Measures the two SVG-to-PNG converters on the same cards: `npm run bench:cards -- [cards]`.
 * Prints ms per card for satori, resvg and sharp, PNG sizes, and how far the two PNGs differ.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import sharp from 'sharp';
import type { CardInput } from '../src/lib/cards/input.ts';
import { pngWithResvg, pngWithSharp, toSvg } from '../src/lib/cards/render.ts';
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

// Warm up both converters and satori (font parsing, WASM) before measuring.
const warm = await toSvg(cardTree(inputs[0]!));
pngWithResvg(warm);
await pngWithSharp(warm);

let satoriMs = 0;
let resvgMs = 0;
let sharpMs = 0;
let resvgBytes = 0;
let sharpBytes = 0;
let maxDiff = 0;
for (const input of inputs) {
  const [svg, s] = await time(() => toSvg(cardTree(input)));
  const [a, r] = await time(() => pngWithResvg(svg));
  const [b, h] = await time(() => pngWithSharp(svg));
  satoriMs += s;
  resvgMs += r;
  sharpMs += h;
  resvgBytes += a.length;
  sharpBytes += b.length;
  const [ra, rb] = await Promise.all([a, b].map((png) => sharp(png).removeAlpha().raw().toBuffer()));
  let diff = 0;
  for (let i = 0; i < ra!.length; i++) diff += Math.abs(ra![i]! - rb![i]!);
  maxDiff = Math.max(maxDiff, diff / ra!.length);
}
const per = (ms: number) => (ms / count).toFixed(1);
console.log(`${count} cards, one thread`);
console.log(`satori: ${per(satoriMs)} ms/card`);
console.log(`resvg:  ${per(resvgMs)} ms/card, ${Math.round(resvgBytes / count / 1024)} KB/card`);
console.log(`sharp:  ${per(sharpMs)} ms/card, ${Math.round(sharpBytes / count / 1024)} KB/card`);
console.log(`largest mean per-channel difference between the two: ${maxDiff.toFixed(2)} / 255`);

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
