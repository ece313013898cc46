/* eslint-disable no-control-regex -- file signatures are bytes, read as latin1 text and matched as such */
import { closeSync, openSync, readSync } from 'node:fs';

const SIGNATURES: [RegExp, string][] = [
  [/^\x89PNG/, 'png'],
  [/^\xff\xd8\xff/, 'jpeg'],
  [/^GIF8/, 'gif'],
  [/^RIFF....WEBP/s, 'webp'],
  [/^....ftypavi[fs]/s, 'avif'],
  [/^(II\*\x00|MM\x00\*)/, 'tiff'],
  [/^\s*(<\?xml|<svg|<!--)/, 'svg'],
];
const NOT_PICTURES: [RegExp, string][] = [
  [/^%PDF/, 'a PDF document'],
  [/^....ftyp(heic|heix|mif1|msf1)/s, 'an iPhone HEIC photo'],
  [/^PK\x03\x04/, 'a Word, PowerPoint or zip file'],
  [/^\xd0\xcf\x11\xe0/, 'an old Word or PowerPoint file'],
];

/**
 * Reads the first bytes of an image file: undefined when they are a picture the build can use, or what the file
 * really is. A PDF or a phone's HEIC photo renamed `.jpg` otherwise stops the build with a stack trace.
 */
export function notAPicture(path: string): string | undefined {
  const bytes = Buffer.alloc(32);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, bytes, 0, bytes.length, 0);
  } finally {
    closeSync(fd);
  }
  const head = bytes.subarray(0, read).toString('latin1');
  if (SIGNATURES.some(([signature]) => signature.test(head))) return undefined;
  return NOT_PICTURES.find(([signature]) => signature.test(head))?.[1] ?? 'not a picture';
}
