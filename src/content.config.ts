import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { authorSchema } from './schemas/author.ts';
import { familySchema } from './schemas/family.ts';
import { networkSchema } from './schemas/network.ts';
import { postSchema } from './schemas/post.ts';
import { schoolSchema } from './schemas/school.ts';
import { topicSchema } from './schemas/topic.ts';
import { settings } from './lib/settings.ts';

const { contentDir } = settings();

const data = (folder: string) => glob({ pattern: '*.{yaml,yml}', base: `${contentDir}/${folder}` });

export const collections = {
  network: defineCollection({
    loader: glob({ pattern: 'network.{yaml,yml}', base: contentDir }),
    schema: networkSchema,
  }),
  schools: defineCollection({ loader: data('schools'), schema: schoolSchema }),
  families: defineCollection({ loader: data('families'), schema: familySchema }),
  authors: defineCollection({ loader: data('authors'), schema: authorSchema }),
  topics: defineCollection({ loader: data('topics'), schema: topicSchema }),
  posts: defineCollection({
    // The id keeps the publisher folder and the file's own name, so `oak/rules.mdx` is `oak/rules`.
    loader: glob({
      pattern: '*/*.{md,mdx}',
      base: `${contentDir}/posts`,
      generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
    }),
    schema: ({ image }) => postSchema(image()),
  }),
};
