import { isAbsolute, join, relative } from 'node:path';
import { outputFolders } from './output-folder.ts';

const within = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * The paths `npm run dev` does not watch: the built site with its staging and previous copies, and the test
 * suite's scratch folders, but never the content being previewed nor a folder on the way to it. Thousands of
 * files appear and vanish there during a build or a test run; watching them slowed the preview and, when a
 * folder vanished mid-scan, left it deaf to the file the writer had just saved.
 */
export function unwatched(projectRoot: string, contentRoot: string, outDir: string): (path: string) => boolean {
  const { out, staging, previous } = outputFolders(outDir);
  const skipped = [out, staging, previous, join(projectRoot, 'tests/.tmp')];
  return (path) =>
    !within(contentRoot, path) && !within(path, contentRoot) && skipped.some((folder) => within(folder, path));
}
