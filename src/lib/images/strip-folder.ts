import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import sharp from 'sharp';
import { reencodedFormats, sniffFormat, stripMetadata } from './strip.ts';

/** Extensions of files that may be images, whatever their bytes turn out to be. */
const imageExtensions = new Set([
  '.jpg',
  '.jpeg',
  '.png',
  '.webp',
  '.gif',
  '.avif',
  '.heic',
  '.heif',
  '.tif',
  '.tiff',
  '.svg',
]);

/** Writes beside the file and renames over it, so a reader never sees half a file. */
async function replaceFile(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.strip`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}

/** The file's bytes without metadata, or undefined when it has none. */
export async function strippedBytes(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  if (reencodedFormats.has(sniffFormat(bytes))) {
    // sharp writes no metadata unless asked to; lossless where the format allows it.
    const image = sharp(bytes, { failOn: 'none' });
    const format = (await image.metadata()).format;
    if (format === 'heif') return new Uint8Array(await image.avif({ lossless: true }).toBuffer());
    if (format === 'tiff') return new Uint8Array(await image.tiff({ compression: 'lzw' }).toBuffer());
    return undefined;
  }
  return stripMetadata(bytes);
}

/**
 * The image files under `dir`, never reading a folder in `skipped`: under `astro build`, Pagefind replaces
 * its folder while this runs.
 */
async function imageFiles(dir: string, skipped: ReadonlySet<string>): Promise<string[]> {
  const found = await Promise.all(
    (await readdir(dir, { withFileTypes: true })).map((entry) => {
      const path = join(dir, entry.name);
      if (skipped.has(path)) return [];
      if (entry.isDirectory()) return imageFiles(path, skipped);
      return entry.isFile() && imageExtensions.has(extname(entry.name).toLowerCase()) ? [path] : [];
    }),
  );
  return found.flat();
}

/**
 * Removes metadata from every image file under `dir`, in place, leaving the folders in `skip` (relative to
 * `dir`) unread. Returns how many image files there were and which of them carried metadata. Files are
 * replaced by rename, so a hard link into a cache is left untouched.
 */
export async function stripFolder(dir: string, skip: string[] = []): Promise<{ images: number; stripped: string[] }> {
  const files = await imageFiles(dir, new Set(skip.map((folder) => join(dir, folder))));
  const stripped: string[] = [];
  for (const file of files) {
    const clean = await strippedBytes(await readFile(file));
    if (!clean) continue;
    await replaceFile(file, clean);
    stripped.push(file);
  }
  return { images: files.length, stripped };
}
