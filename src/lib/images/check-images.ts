import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { ContentIssue } from '../content-issue.ts';
import { readImageFacts } from './metadata.ts';
import type { ImageFormat } from './strip.ts';

/** File extensions treated as images, and the formats each may really be. */
const expected: Record<string, ImageFormat[]> = {
  '.jpg': ['jpeg'],
  '.jpeg': ['jpeg'],
  '.png': ['png'],
  '.webp': ['webp'],
  '.gif': ['gif'],
  '.avif': ['avif'],
  '.heic': ['heic'],
  '.heif': ['heic'],
  '.tif': ['tiff'],
  '.tiff': ['tiff'],
  '.svg': ['svg'],
};

export interface ImageCheckOptions {
  /** The content folder. */
  root: string;
  /** Turns an absolute path into the project-relative form messages use. */
  rel: (path: string) => string;
  /** Images larger than this get a warning. */
  limitBytes: number;
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * Looks at every image in the content folder the way a safeguarding lead would before it is published: where
 * it was taken (GPS), whose names it carries, and whether it is too big to publish.
 */
export async function checkImages({ root, rel, limitBytes }: ImageCheckOptions): Promise<ContentIssue[]> {
  const issues: ContentIssue[] = [];
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && expected[extname(entry.name).toLowerCase()])
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    const bytes = await readFile(file);
    const facts = await readImageFacts(bytes);
    const name = rel(file);
    // A file that is not the picture its name says is named by the post that uses it (`notAPicture`).
    if (!expected[extname(file).toLowerCase()]!.includes(facts.format)) continue;
    const found = [
      ...(facts.gps ? ['the GPS position where it was taken'] : []),
      ...(facts.people.length ? [`names (${facts.people.join(', ')})`] : []),
    ];
    if (found.length) {
      issues.push({
        file: name,
        field: '',
        severity: 'warning',
        code: 'image-metadata',
        message: `has ${found.join(' and ')} in its metadata; it will be removed when published. To remove it from the repository too, run \`npm run images -- --strip\``,
      });
    }
    const { size } = await stat(file);
    if (size > limitBytes) {
      issues.push({
        file: name,
        field: '',
        severity: 'warning',
        code: 'image-size',
        message: `is ${megabytes(size)}, over the ${megabytes(limitBytes)} limit: export it at most 3000 pixels wide (phones' "medium" size) and replace the file`,
      });
    }
  }
  return issues;
}
