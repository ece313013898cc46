/**
 * Removes what a camera or phone writes about a photo (EXIF with GPS position, owner and time; XMP; IPTC;
 * comments) without touching its pixels: the file's own containers are rewritten without those parts.
 */

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'heic' | 'tiff' | 'svg' | 'pdf' | 'unknown';

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) => prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** What a file really is, from its first bytes rather than its name. */
export function sniffFormat(bytes: Uint8Array): ImageFormat {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'mif1', 'msf1', 'hevc'].includes(brand)) return 'heic';
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  const head = ascii(bytes, 0, Math.min(bytes.length, 512)).trimStart();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg';
  return 'unknown';
}

/**
 * JPEG: keeps the image's own segments (tables, frame, scans) and the JFIF, ICC colour profile and Adobe
 * colour-transform segments it needs to show right; drops EXIF/XMP (APP1), IPTC (APP13), other APPn and comments.
 */
function stripJpeg(bytes: Uint8Array): Uint8Array | undefined {
  const keep: Uint8Array[] = [bytes.subarray(0, 2)];
  let removed = false;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // Start of scan: from here on it is entropy-coded image data up to the end of the file.
    if (marker === 0xda) {
      keep.push(bytes.subarray(at));
      break;
    }
    if (marker === 0xd9) {
      keep.push(bytes.subarray(at));
      break;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = at + 2 + length;
    if (end > bytes.length) return undefined;
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const needed =
      (marker === 0xe0 && ascii(bytes, at + 4, at + 8) === 'JFIF') ||
      (marker === 0xe2 && ascii(bytes, at + 4, at + 15) === 'ICC_PROFILE') ||
      (marker === 0xee && ascii(bytes, at + 4, at + 9) === 'Adobe');
    if ((isApp && !needed) || marker === 0xfe) removed = true;
    else keep.push(bytes.subarray(at, end));
    at = end;
  }
  return removed ? concat(keep) : undefined;
}

/** PNG: drops text chunks (where comments, authors and XMP live), EXIF and the modification time. */
function stripPng(bytes: Uint8Array): Uint8Array | undefined {
  const drop = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);
  const keep: Uint8Array[] = [bytes.subarray(0, 8)];
  let removed = false;
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0);
    const type = ascii(bytes, at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length) return undefined;
    if (drop.has(type)) removed = true;
    else keep.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return removed ? concat(keep) : undefined;
}

/** WebP: drops the EXIF and XMP chunks and clears their flags in the extended header. */
function stripWebp(bytes: Uint8Array): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let removed = false;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const size = new DataView(bytes.buffer, bytes.byteOffset + at + 4, 4).getUint32(0, true);
    const type = ascii(bytes, at, at + 4);
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > bytes.length) return undefined;
    if (type === 'EXIF' || type === 'XMP ') removed = true;
    else chunks.push(bytes.slice(at, Math.min(end, bytes.length)));
    at = end;
  }
  if (!removed) return undefined;
  const vp8x = chunks.find((chunk) => ascii(chunk, 0, 4) === 'VP8X');
  // Bits 3 (EXIF) and 2 (XMP) of the VP8X flags announce chunks that are no longer there.
  if (vp8x) vp8x[8] = vp8x[8]! & ~0b1100;
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  return concat([header, body]);
}

/** GIF: drops comment extensions and XMP application extensions; frames and looping stay. */
function stripGif(bytes: Uint8Array): Uint8Array | undefined {
  const keep: Uint8Array[] = [];
  let removed = false;
  const flags = bytes[10]!;
  let at = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  keep.push(bytes.subarray(0, at));
  const skipSubBlocks = (from: number) => {
    let position = from;
    while (position < bytes.length && bytes[position] !== 0) position += bytes[position]! + 1;
    return position + 1;
  };
  while (at < bytes.length) {
    const introducer = bytes[at]!;
    if (introducer === 0x3b) {
      keep.push(bytes.subarray(at, at + 1));
      break;
    }
    if (introducer === 0x21) {
      const label = bytes[at + 1]!;
      const end = skipSubBlocks(at + 2);
      const isComment = label === 0xfe;
      const isXmp = label === 0xff && ascii(bytes, at + 3, at + 14) === 'XMP DataXMP';
      if (isComment || isXmp) removed = true;
      else keep.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    if (introducer === 0x2c) {
      const localFlags = bytes[at + 9]!;
      let end = at + 10 + (localFlags & 0x80 ? 3 * 2 ** ((localFlags & 0x07) + 1) : 0);
      end = skipSubBlocks(end + 1);
      keep.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    return undefined;
  }
  return removed ? concat(keep) : undefined;
}

/** SVG: drops `<metadata>` elements, where editors record authors and licences. */
function stripSvg(bytes: Uint8Array): Uint8Array | undefined {
  const text = new TextDecoder().decode(bytes);
  const stripped = text.replace(/<metadata[\s\S]*?<\/metadata>|<metadata[^>]*\/>/g, '');
  return stripped === text ? undefined : new TextEncoder().encode(stripped);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The file without its metadata, or undefined when it has none to remove (or is a format whose metadata
 * cannot be removed without re-encoding: AVIF, HEIC and TIFF are re-encoded by the caller instead).
 */
export function stripMetadata(bytes: Uint8Array): Uint8Array | undefined {
  switch (sniffFormat(bytes)) {
    case 'jpeg':
      return stripJpeg(bytes);
    case 'png':
      return stripPng(bytes);
    case 'webp':
      return stripWebp(bytes);
    case 'gif':
      return stripGif(bytes);
    case 'svg':
      return stripSvg(bytes);
    default:
      return undefined;
  }
}

/** Formats whose metadata is removed by re-encoding the pixels (losslessly where the format allows). */
export const reencodedFormats: ReadonlySet<ImageFormat> = new Set(['avif', 'heic', 'tiff']);
