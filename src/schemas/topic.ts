import { z } from 'astro/zod';

/** `content/topics/<id>.yaml`: one entry of the network's shared vocabulary. */
export const topicSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
});

export type TopicData = z.infer<typeof topicSchema>;
