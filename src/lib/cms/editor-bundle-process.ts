/**
 * The process `bundleEditorApart` starts: makes the editor's bundle in the cache folder it is given. A
 * failure ends it quietly: the editor integration bundles again inside Astro and reports the error there.
 */
import { editorBundle } from './editor-bundle.ts';

process.once('disconnect', () => process.exit(1));
const cacheDir = process.argv[2];
try {
  if (cacheDir)
    await editorBundle(cacheDir, { info: (line) => console.log(line), warn: (line) => console.error(line) });
} catch {
  process.exitCode = 1;
}
process.disconnect?.();
