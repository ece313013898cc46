import exifr from 'exifr';
import { sniffFormat, type ImageFormat } from './strip.ts';

/** What an image file says about where, when and by whom it was taken, in words a writer can act on. */
export interface ImageFacts {
  format: ImageFormat;
  /** The file carries the GPS position where it was taken. */
  gps: boolean;
  /** Names of people the file records: the camera's owner, the photographer, the copyright holder. */
  people: string[];
  /** The file carries any metadata at all (EXIF, XMP, IPTC or comments). */
  anyMetadata: boolean;
}

/** Tags that hold a person's name, in EXIF, XMP and IPTC. */
const personTags = [
  'Artist',
  'Copyright',
  'OwnerName',
  'CameraOwnerName',
  'XPAuthor',
  'creator',
  'Byline',
  'By-line',
  'Credit',
  'rights',
  'Creator',
];

const namesIn = (value: unknown): string[] => {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap(namesIn);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return namesIn(record['value'] ?? record['x-default'] ?? Object.values(record));
  }
  return [];
};

/** Reads an image's metadata; a file that is not an image this can read reports none. */
export async function readImageFacts(bytes: Uint8Array): Promise<ImageFacts> {
  const format = sniffFormat(bytes);
  const none = { format, gps: false, people: [], anyMetadata: false };
  if (!['jpeg', 'png', 'webp', 'gif', 'avif', 'heic', 'tiff'].includes(format)) return none;
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(bytes, {
      tiff: true,
      exif: true,
      gps: true,
      xmp: true,
      iptc: true,
      icc: false,
      jfif: false,
      ihdr: false,
      mergeOutput: true,
      translateValues: false,
    })) as Record<string, unknown> | undefined;
  } catch {
    return none;
  }
  if (!tags) return none;
  const gps = ['latitude', 'longitude', 'GPSLatitude', 'GPSLongitude'].some((name) => tags[name] !== undefined);
  const people = [...new Set(personTags.flatMap((name) => namesIn(tags[name])))];
  return { format, gps, people, anyMetadata: Object.keys(tags).length > 0 };
}
