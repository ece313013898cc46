import { z } from 'astro/zod';

/** One old address and where it leads now. */
export const redirectSchema = z.strictObject({
  /** A path on the old site, with its query if it had one: `/2013/06/reading.html`, `/?p=123`. */
  from: z
    .string()
    .regex(/^\/[^\s#]*$/, 'must be a path on the old site starting with "/", e.g. "/2013/06/reading.html"'),
  /** A network path, as written in posts: `/schools/oak/reading/`, `/feeds/schools/oak/atom.xml`. */
  to: z.string().regex(/^\/[^\s]*$/, 'must be a network path starting with "/", e.g. "/schools/oak/reading/"'),
});

/**
 * `content/redirects.yaml`: old addresses (of a blog moved in with `npm run import`) and the pages that
 * replace them, written into each host's redirect configuration by the build.
 */
export const redirectsSchema = z.strictObject({
  redirects: z.array(redirectSchema).default([]),
});

export type RedirectEntry = z.infer<typeof redirectSchema>;
export type RedirectsData = z.infer<typeof redirectsSchema>;
