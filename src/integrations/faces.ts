import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { drawFace, listFaces, writeFaces } from '../lib/images/draw-faces.ts';
import { drawnSizes, faceFile } from '../lib/images/faces.ts';

/**
 * Authors' photos and schools' and families' logos, drawn small (48 and 96 pixels, each also at twice that)
 * into `faces/`, so a listing of twenty authors costs kilobytes, not the megabytes of the originals.
 */
export default function faces({ contentRoot }: { contentRoot: string }): AstroIntegration {
  let base = '/';
  return {
    name: 'commonroom:faces',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]!).slice(base.length - 1);
          if (!path.startsWith('/faces/')) return next();
          const match = listFaces(contentRoot)
            .flatMap((job) => drawnSizes.map((size) => ({ job, size })))
            .find(({ job, size }) => `/${faceFile(job.face, size)}` === path && existsSync(job.source));
          if (!match) return next();
          drawFace(match.job, match.size)
            .then((image) => {
              res.setHeader('Content-Type', 'image/webp');
              res.setHeader('Cache-Control', 'no-store');
              res.end(image);
            })
            .catch(next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { drawn, faces: count } = await writeFaces(contentRoot, fileURLToPath(dir));
        if (count) logger.info(`${count} photos and logos, ${drawn} sizes drawn`);
      },
    },
  };
}
