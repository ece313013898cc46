import { join } from 'node:path';

/** Whose face an image is: an author's photo, or a school's or family's logo. */
export interface FaceRef {
  type: 'author' | 'school' | 'family';
  id: string;
}

/** The sizes faces are drawn at, in CSS pixels; each is also drawn at twice the size for sharp screens. */
export const faceSizes = [48, 96] as const;
export type FaceSize = (typeof faceSizes)[number] | 192;

const folders = { author: 'authors', school: 'schools', family: 'families' } as const;

/** Where a face is written in the output, e.g. `faces/authors/amy-jukes-96.webp`. */
export const faceFile = (face: FaceRef, size: FaceSize) => `faces/${folders[face.type]}/${face.id}-${size}.webp`;

/** The image file a face is drawn from: `avatar:` or `logo:`, beside the YAML file that names it. */
export const faceSource = (contentRoot: string, face: FaceRef, path: string) =>
  join(contentRoot, folders[face.type], path);

/** Every size a face is drawn at: each display size and its double. */
export const drawnSizes: FaceSize[] = [...new Set(faceSizes.flatMap((size) => [size, (size * 2) as FaceSize]))];
