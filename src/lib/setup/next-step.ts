/**
 * What to do next, said once the work is done: after `npm run setup` and at the end of a build.
 */

/** The line a finished build prints last, e.g. `Next: npm run preview, then open http://localhost:4321/`. */
export function nextStepAfterBuild(base = '/', port = 4321): string {
  return `Next: run npm run preview, then open http://localhost:${port}${base} to see the site.`;
}

export interface SetupDone {
  /** The content folder as the person typed it or as the project names it, e.g. `content`. */
  content: string;
  network: string;
  /** e.g. `1 school, 1 author and 3 topics` */
  counts: string;
  /** The draft post's file, relative to the project. */
  post: string;
  /** Where `npm run dev` shows the draft. */
  preview: string;
  /** What happened to what was there before, if anything. */
  before?: string;
}

/** The lines `npm run setup` ends with: what it made, then the next three steps. */
export function setupDoneLines(done: SetupDone): string[] {
  return [
    '',
    `${done.network} is set up in ${done.content}/: ${done.counts}, and a first draft post.`,
    ...(done.before ? [done.before] : []),
    '',
    'Next:',
    `  1. npm run dev        shows your site as you write; your draft is at ${done.preview}`,
    `  2. Edit ${done.post}: write your post, then delete the line "draft: true" to publish it.`,
    '  3. npm run build      makes the finished site in dist/; npm run preview shows it.',
    '',
    'Add more with npm run add -- school (or family, author, topic). Start a new post with npm run new.',
  ];
}
