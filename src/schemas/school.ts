import { z } from 'astro/zod';
import { email, hexColour, id, lang, url } from './common.ts';

export const phases = ['nursery', 'primary', 'secondary', 'all-through', 'special', 'post-16'] as const;

/** `content/schools/<id>.yaml`: one school. */
export const schoolSchema = z.strictObject({
  /** Full name, e.g. `Castle Fields Primary School`. */
  name: z.string().min(1),
  /** Used in badges and cards, e.g. `Castle Fields`. */
  shortName: z.string().min(1).optional(),
  phase: z.enum(phases),
  town: z.string().min(1),
  region: z.string().min(1),
  /** The school's own website. */
  website: url.optional(),
  /** Where the school self-hosts its Commonroom site; its posts' canonical URLs point here. */
  site: url.optional(),
  /** The school's logo beside the YAML file, e.g. `./castle-fields.png`: shown on its pages, cards and the directory. */
  logo: z.string().min(1).optional(),
  /** What the logo shows, for someone who cannot see it (default: "<name> logo"). */
  logoAlt: z.string().trim().min(1).optional(),
  /** Brand colour; adjusted for contrast where needed. */
  colour: hexColour.default('#2b4c7e'),
  /** Default language of the school's posts, e.g. `cy` for a Welsh-medium school. */
  lang: lang.optional(),
  /** One line that says what the school stands for. */
  ethos: z.string().optional(),
  pupils: z.number().int().positive().optional(),
  /** Age range, e.g. `3–11`. */
  ages: z.string().optional(),
  /** Topic ids the school can be asked about. */
  expertise: z.array(id).default([]),
  /** Whom to ask about that expertise, each part optional, e.g. `{ name: Sarah Okafor, email: …, phone: … }`. */
  contact: z
    .strictObject({
      /** A person or a role, e.g. `Sarah Okafor, deputy head` or `the school office`. */
      name: z.string().trim().min(1).optional(),
      email: email.optional(),
      /** As it is dialled from the UK, e.g. `01691 000 412`. */
      phone: z
        .string()
        .regex(/^\+?[0-9][0-9 ()-]{5,}$/, 'must be a phone number such as "01691 000 412"')
        .optional(),
    })
    .optional(),
  /** Family ids the school belongs to. */
  families: z.array(id).default([]),
});

export type SchoolData = z.infer<typeof schoolSchema>;
export type Phase = (typeof phases)[number];
