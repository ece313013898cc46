import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The files each collection reads, relative to its folder in the content folder. */
export const collectionFiles = {
  schools: { folder: 'schools', file: /^[^/\\]+\.ya?ml$/ },
  families: { folder: 'families', file: /^[^/\\]+\.ya?ml$/ },
  authors: { folder: 'authors', file: /^[^/\\]+\.ya?ml$/ },
  topics: { folder: 'topics', file: /^[^/\\]+\.ya?ml$/ },
  posts: { folder: 'posts', file: /^[^/\\]+[/\\][^/\\]+\.mdx?$/ },
  comments: { folder: 'posts', file: /^[^/\\]+[/\\][^/\\]+\.comments\.ya?ml$/ },
} as const;

/**
 * Whether a collection has any file to read. Astro warns about every empty collection, but a new network with
 * no families, a network with no imported comments, or one with only a draft post, is not a mistake: such a
 * collection is read as empty without asking Astro.
 */
export function hasFiles(contentRoot: string, collection: keyof typeof collectionFiles): boolean {
  const { folder, file } = collectionFiles[collection];
  const dir = join(contentRoot, folder);
  return existsSync(dir) && readdirSync(dir, { recursive: folder === 'posts' }).some((name) => file.test(String(name)));
}
