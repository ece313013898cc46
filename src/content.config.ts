import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { authorSchema } from './schemas/author.ts';
import { commentsSchema } from './schemas/comments.ts';
import { familySchema } from './schemas/family.ts';
import { networkSchema } from './schemas/network.ts';
import { postSchema } from './schemas/post.ts';
import { schoolSchema } from './schemas/school.ts';
import { topicSchema } from './schemas/topic.ts';
import { forgiving } from './lib/dev-preview.ts';
import { hasFiles, type collectionFiles } from './lib/content-files.ts';
import { plainMdxAsMarkdown } from './lib/plain-mdx-loader.ts';
import { settings } from './lib/settings.ts';

const { contentDir, contentRoot } = settings();

/** A collection with no files yet (no families, no imported comments) is empty, without the loader's warning. */
const ifPresent = (collection: keyof typeof collectionFiles, loader: Loader): Loader => ({
  ...loader,
  load: async (context) => (hasFiles(contentRoot, collection) ? loader.load(context) : context.store.clear()),
});

/**
 * `npm run dev` keeps a file with mistakes as a marked entry, so one bad file does not stop the preview; a build
 * never sees one, as the check refuses it first.
 */
const forgivingInDev = (loader: Loader): Loader => (import.meta.env.DEV ? forgiving(loader) : loader);

/** A build renders plain `.mdx` posts as Markdown, so Vite bundles only those that need MDX. */
const plainMdxInBuild = (loader: Loader): Loader => (import.meta.env.DEV ? loader : plainMdxAsMarkdown(loader));

const data = (folder: 'schools' | 'families' | 'authors' | 'topics') =>
  ifPresent(folder, forgivingInDev(glob({ pattern: '*.{yaml,yml}', base: `${contentDir}/${folder}` })));

export const collections = {
  network: defineCollection({
    loader: forgivingInDev(glob({ pattern: 'network.{yaml,yml}', base: contentDir })),
    schema: networkSchema,
  }),
  schools: defineCollection({ loader: data('schools'), schema: schoolSchema }),
  families: defineCollection({ loader: data('families'), schema: familySchema }),
  authors: defineCollection({ loader: data('authors'), schema: authorSchema }),
  topics: defineCollection({ loader: data('topics'), schema: topicSchema }),
  posts: defineCollection({
    // The id keeps the publisher folder and the file's own name, so `oak/rules.mdx` is `oak/rules`.
    loader: ifPresent(
      'posts',
      forgivingInDev(
        plainMdxInBuild(
          glob({
            pattern: '*/*.{md,mdx}',
            base: `${contentDir}/posts`,
            generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
          }),
        ),
      ),
    ),
    schema: ({ image }) => postSchema(image()),
  }),
  // Comments a post had on the blog it was imported from: `oak/rules.comments.yaml` belongs to `oak/rules`.
  comments: defineCollection({
    loader: ifPresent(
      'comments',
      glob({
        pattern: '*/*.comments.{yaml,yml}',
        base: `${contentDir}/posts`,
        generateId: ({ entry }) => entry.replace(/\.comments\.ya?ml$/, ''),
      }),
    ),
    schema: commentsSchema,
  }),
};
