import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import slugify from '@sindresorhus/slugify';
import sharp from 'sharp';

/**
 * Where to look for the largest copy of an image, best first: WordPress's resized copies
 * (`photo-300x200.jpg`, `?w=300`) and Blogger's sized paths (`/s320/`, `=s320`) point at the original.
 */
export function originalCandidates(url: string): string[] {
  const out: string[] = [];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const blogger = /(?:blogspot\.com|bp\.blogspot\.com|googleusercontent\.com|ggpht\.com)$/.test(parsed.hostname);
  if (blogger) {
    const sized = parsed.pathname.replace(/\/(?:s|w|h)\d+(?:-[a-z0-9-]+)?\/(?=[^/]+$)/, '/s0/');
    if (sized !== parsed.pathname) out.push(`${parsed.origin}${sized}`);
    const suffix = parsed.pathname.replace(/=(?:s|w|h)\d+[^/]*$/, '=s0');
    if (suffix !== parsed.pathname) out.push(`${parsed.origin}${suffix}`);
  } else {
    const query = new URLSearchParams(parsed.search);
    const resized = ['w', 'h', 'resize', 'fit', 'crop', 'zoom'].some((key) => query.has(key));
    const original = parsed.pathname
      .replace(/-\d{2,5}x\d{2,5}(?=\.(?:jpe?g|png|gif|webp)$)/i, '')
      .replace(/-scaled(?=\.(?:jpe?g|png|webp)$)/i, '');
    if (original !== parsed.pathname || resized) out.push(`${parsed.origin}${original}`);
  }
  out.push(url);
  return [...new Set(out)];
}

/** A readable description from a file name, for an image that came with no alt text and no caption. */
export function altFromFileName(url: string): string {
  let name = basename(url.split(/[?#]/)[0] ?? url);
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the name as it is
  }
  const words = name
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/-\d{2,5}x\d{2,5}$/, '')
    .replace(/^(?:img|dsc|dscn|image|photo)[-_ ]?(?=\d)/i, 'Photo ')
    .replace(/[-_+.]+/g, ' ')
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Image';
}

/** A file name for the image beside the post: `<slug>-<name>.<ext>`, never taken twice. */
export function imageFileName(slug: string, url: string, extension: string, taken: Set<string>): string {
  const stem = slugify(altFromFileName(url)).slice(0, 60) || 'image';
  let name = `${slug}-${stem}.${extension}`;
  for (let n = 2; taken.has(name); n++) name = `${slug}-${stem}-${n}.${extension}`;
  taken.add(name);
  return name;
}

export interface ImageSourceOptions {
  /** Never touch the network. */
  offline: boolean;
  /** A local copy of `wp-content/uploads` or a Takeout folder. */
  media?: string;
  /** Milliseconds allowed for one download. */
  timeout?: number;
}

/** Finds images in a local folder by their path under `uploads/`, else by file name. */
export class MediaFolder {
  private byName = new Map<string, string[]>();
  private root: string;
  private constructor(root: string) {
    this.root = root;
  }

  static async open(root: string): Promise<MediaFolder> {
    const folder = new MediaFolder(root);
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const list = folder.byName.get(entry.name.toLowerCase()) ?? [];
      list.push(relative(root, path).split(sep).join('/'));
      folder.byName.set(entry.name.toLowerCase(), list);
    }
    return folder;
  }

  find(url: string): string | undefined {
    let path: string;
    try {
      path = decodeURIComponent(new URL(url).pathname);
    } catch {
      return undefined;
    }
    const candidates = this.byName.get(basename(path).toLowerCase());
    if (!candidates?.length) return undefined;
    const uploads = path.replace(/^.*?\/(?:wp-content\/)?uploads\//, '').replace(/^\/+/, '');
    const exact = candidates.find((rel) => rel === uploads || rel.endsWith(`/${uploads}`) || uploads.endsWith(rel));
    return join(this.root, exact ?? candidates[0]!);
  }
}

export type Obtained = { ok: true; bytes: Buffer; from: string } | { ok: false; reason: string };

/** Gets the first candidate that exists: from the media folder, else (unless offline) from the web. */
export async function obtainImage(
  candidates: string[],
  options: ImageSourceOptions,
  media: MediaFolder | undefined,
): Promise<Obtained> {
  const reasons: string[] = [];
  if (media) {
    for (const url of candidates) {
      const path = media.find(url);
      if (path) return { ok: true, bytes: await readFile(path), from: path };
    }
    reasons.push(`not in ${options.media}`);
  }
  if (options.offline) return { ok: false, reason: [...reasons, 'not downloaded (--offline)'].join('; ') };
  for (const url of candidates) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(options.timeout ?? 20_000), redirect: 'follow' });
      if (!response.ok) {
        reasons.push(`${url} answered ${response.status}`);
        continue;
      }
      const type = response.headers.get('content-type') ?? '';
      if (type && !type.startsWith('image/') && !type.startsWith('application/octet-stream')) {
        reasons.push(`${url} is not an image (${type})`);
        continue;
      }
      return { ok: true, bytes: Buffer.from(await response.arrayBuffer()), from: url };
    } catch (error) {
      reasons.push(`${url}: ${(error as Error).message}`);
    }
  }
  return { ok: false, reason: reasons.at(-1) ?? 'no address' };
}

/**
 * Re-encodes an image without its metadata (EXIF, GPS, XMP, IPTC), turned upright first, and says which
 * extension it gets. SVG is text and kept as it is; a file that is not an image is refused.
 */
export async function cleanImage(bytes: Buffer): Promise<{ bytes: Buffer; extension: string } | undefined> {
  const head = bytes.subarray(0, 512).toString('utf8').trimStart();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')))
    return { bytes, extension: 'svg' };
  let format: string | undefined;
  try {
    format = (await sharp(bytes).metadata()).format;
  } catch {
    return undefined;
  }
  switch (format) {
    case 'jpeg':
      return { bytes: await sharp(bytes).rotate().jpeg({ quality: 90 }).toBuffer(), extension: 'jpg' };
    case 'png':
      return { bytes: await sharp(bytes).png().toBuffer(), extension: 'png' };
    case 'webp':
      return {
        bytes: await sharp(bytes, { animated: true }).rotate().webp({ quality: 90 }).toBuffer(),
        extension: 'webp',
      };
    case 'gif':
      return { bytes: await sharp(bytes, { animated: true }).gif().toBuffer(), extension: 'gif' };
    case 'avif':
    case 'heif':
    case 'tiff':
      return { bytes: await sharp(bytes).rotate().jpeg({ quality: 90 }).toBuffer(), extension: 'jpg' };
    default:
      return format ? { bytes: await sharp(bytes).rotate().png().toBuffer(), extension: 'png' } : undefined;
  }
}
