import { z } from 'astro/zod';
import { hexColour, url } from './common.ts';

export const familyKinds = [
  'federation',
  'multi-academy-trust',
  'teaching-school-hub',
  'alliance',
  'cluster',
  'family-of-schools',
  'local-authority',
  'programme',
] as const;

/** `content/families/<id>.yaml`: a federation, trust, cluster, programme… Members are declared on each school. */
export const familySchema = z.strictObject({
  name: z.string().min(1),
  shortName: z.string().min(1).optional(),
  kind: z.enum(familyKinds),
  description: z.string().min(1),
  website: url.optional(),
  colour: hexColour.default('#3d3d6b'),
  /** The family's logo beside the YAML file, e.g. `./onny-federation.png`: shown on its page, cards and lists. */
  logo: z.string().min(1).optional(),
  /** What the logo shows, for someone who cannot see it (default: "<name> logo"). */
  logoAlt: z.string().trim().min(1).optional(),
});

export type FamilyData = z.infer<typeof familySchema>;
export type FamilyKind = (typeof familyKinds)[number];
