import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp, { type PngOptions } from 'sharp';
import { loadFonts } from './fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH, type CardInput } from './input.ts';
import { cardTree, type CardNode } from './template.ts';

const imageTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/** Reads a logo into a data URL; a logo that cannot be read is left off the card. */
export function logoDataUrl(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const type = imageTypes[extname(file).toLowerCase()];
  if (!type) return undefined;
  try {
    return `data:${type};base64,${readFileSync(file).toString('base64')}`;
  } catch {
    return undefined;
  }
}

/**
 * Draws a satori tree as SVG with the bundled fonts, text as paths. The template drops characters no font
 * covers (emoji…) before they get here. `embedFont: false` keeps text as `<text>`, for tests.
 */
export function toSvg(tree: CardNode, { embedFont = true } = {}): Promise<string> {
  return satori(tree as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loadFonts(),
    embedFont,
    // Called for segments no bundled font covers: answering with nothing keeps satori from fetching.
    loadAdditionalAsset: async () => [],
  });
}

/** Draws an SVG's pixels with resvg. */
export const rasterise = (svg: string) =>
  new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();

/** The PNG settings cards are encoded with, chosen by `npm run bench:cards`. */
export const PNG_OPTIONS: PngOptions = { compressionLevel: 4, adaptiveFiltering: false };

/** Encodes resvg's pixels as an opaque PNG with sharp. */
export function encodePixels(
  image: { pixels: Buffer; width: number; height: number },
  options: PngOptions = PNG_OPTIONS,
): Promise<Buffer> {
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .removeAlpha()
    .png(options)
    .toBuffer();
}

/**
 * SVG to PNG as cards are drawn: resvg draws the pixels and sharp encodes them. The pixels are the same as
 * resvg's own PNG, in about half the encoding time and a sixth fewer bytes (`npm run bench:cards`). Cards
 * are opaque, so the alpha channel is dropped.
 */
export function pngFromSvg(svg: string): Promise<Buffer> {
  return encodePixels(rasterise(svg));
}

/** SVG to PNG with resvg alone, its own encoder included; kept for the benchmark. */
export function pngWithResvg(svg: string): Buffer {
  return rasterise(svg).asPng();
}

/** SVG to PNG with sharp alone (librsvg draws); kept for the benchmark. */
export function pngWithSharp(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** One drawn card: its satori tree, SVG and PNG, and how long each step took (ms). */
export interface RenderedCard {
  tree: CardNode;
  svg: string;
  png: Buffer;
  timings: { satoriMs: number; pngMs: number };
}

/** Draws one card. */
export async function renderCard(input: CardInput): Promise<RenderedCard> {
  const start = performance.now();
  const tree = cardTree(input, logoDataUrl(input.logo));
  const svg = await toSvg(tree);
  const drawn = performance.now();
  const png = await pngFromSvg(svg);
  return { tree, svg, png, timings: { satoriMs: drawn - start, pngMs: performance.now() - drawn } };
}
