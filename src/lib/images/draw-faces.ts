import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { parse } from 'yaml';
import { drawnSizes, faceFile, faceSource, type FaceRef } from './faces.ts';

/** A face to draw: whose it is, and the image file it comes from. */
export interface FaceJob {
  face: FaceRef;
  source: string;
}

const folders: [FaceRef['type'], string, string][] = [
  ['author', 'authors', 'avatar'],
  ['school', 'schools', 'logo'],
  ['family', 'families', 'logo'],
];

/** Every author photo and school or family logo the content names, read straight from the YAML files. */
export function listFaces(contentRoot: string): FaceJob[] {
  return folders.flatMap(([type, folder, field]) => {
    const dir = join(contentRoot, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .flatMap((name) => {
        const data = (parse(readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, '')) ?? {}) as Record<
          string,
          unknown
        >;
        const path = data[field];
        if (typeof path !== 'string') return [];
        const face = { type, id: name.replace(/\.ya?ml$/, '') };
        return [{ face, source: faceSource(contentRoot, face, path) }];
      });
  });
}

/**
 * Draws one face at one size: a photo cropped to a square around what matters in it, a logo fitted whole on
 * a transparent ground. WebP, and no metadata: sharp writes none unless asked.
 */
export function drawFace({ face, source }: FaceJob, size: number): Promise<Buffer> {
  const image = sharp(source).rotate();
  const sized =
    face.type === 'author'
      ? image.resize(size, size, { fit: 'cover', position: sharp.strategy.attention })
      : image.resize(size * 2, size, { fit: 'inside', withoutEnlargement: false });
  return sized.webp({ quality: 82, alphaQuality: 90 }).toBuffer();
}

/**
 * Writes every face at every size into the output folder, redrawing only those whose source changed, and
 * removes faces nobody names any more. Returns how many were drawn.
 */
export async function writeFaces(contentRoot: string, outDir: string): Promise<{ drawn: number; faces: number }> {
  const jobs = listFaces(contentRoot).filter((job) => existsSync(job.source));
  const wanted = new Set<string>();
  let drawn = 0;
  for (const job of jobs) {
    const changed = statSync(job.source).mtimeMs;
    for (const size of drawnSizes) {
      const file = join(outDir, faceFile(job.face, size));
      wanted.add(file);
      if (existsSync(file) && statSync(file).mtimeMs >= changed) continue;
      mkdirSync(dirname(file), { recursive: true });
      await sharp(await drawFace(job, size)).toFile(file);
      drawn++;
    }
  }
  const folder = join(outDir, 'faces');
  if (existsSync(folder)) {
    for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
      const path = join(folder, name);
      if (statSync(path).isFile() && !wanted.has(path)) rmSync(path);
    }
  }
  return { drawn, faces: jobs.length };
}
