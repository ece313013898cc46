import { z } from 'astro/zod';
import { lang } from './common.ts';

/** `content/topics/<id>.yaml`: one entry of the network's shared vocabulary. */
export const topicSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  /**
   * The name and description in other languages, by language code, e.g.
   * `cy: { name: Dwyieithrwydd, description: … }`: a build whose pages speak that language (a Welsh school's
   * own site) uses them throughout, and a page in that language where it names the topic.
   */
  translations: z
    .record(lang, z.strictObject({ name: z.string().min(1), description: z.string().min(1).optional() }))
    .optional(),
});

export type TopicData = z.infer<typeof topicSchema>;
