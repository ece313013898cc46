import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { stripFolder } from '../lib/images/strip-folder.ts';

/**
 * No published image carries where, when or by whom it was taken. Astro's optimised copies are written
 * without metadata, but an original it publishes as well (a hero's source file, an image an MDX post links
 * to) and files copied from `public/` are published as uploaded: this strips every image in the output,
 * whatever put it there. `generated` names the output folders of images this build draws itself (cards),
 * which never carry metadata.
 */
export default function imagePrivacy({ generated }: { generated: string[] }): AstroIntegration {
  return {
    name: 'commonroom:image-privacy',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { images, stripped } = await stripFolder(out, generated);
        const list = stripped.map((file) => relative(out, file)).join(', ');
        logger.info(
          stripped.length
            ? `Removed camera metadata (GPS, names, times) from ${stripped.length} of ${images} images: ${list}`
            : `No metadata in any of ${images} images`,
        );
      },
    },
  };
}
