/**
 * `npm run dev` survives a bad post: the content layer keeps it as a marked entry instead of stopping, the
 * model sets it aside (`network.broken`), and its own page throws the check's messages for that file, with
 * the writer's file and line for the error overlay. Every other page keeps working. Builds never use this:
 * `npm run build` refuses the bad post before Astro starts.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError } from './content-issue.ts';
import type { BrokenPost } from './network/types.ts';

/** What the content layer keeps of a post it could not read, in place of its data. */
export interface BrokenMark {
  /** Astro's own words for the problem, used only when the check finds nothing. */
  brokenBy: string;
}

export const isBrokenMark = (data: unknown): data is BrokenMark =>
  typeof data === 'object' && data !== null && typeof (data as BrokenMark).brokenBy === 'string';

interface EntryType {
  getEntryInfo: (options: { contents: string; fileUrl: URL }) => Promise<{ body: string; data: unknown }>;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/**
 * Wraps a loader so that a post whose front matter cannot be parsed or fails the schema is stored as a
 * `BrokenMark` rather than stopping the dev server.
 */
export function forgiving(loader: Loader): Loader {
  return {
    ...loader,
    load: (context: LoaderContext) => {
      const withTypes = context as LoaderContext & { entryTypes?: Map<string, EntryType> };
      const entryTypes = withTypes.entryTypes
        ? new Map(
            [...withTypes.entryTypes].map(([extension, type]) => [
              extension,
              {
                ...type,
                getEntryInfo: async (options: { contents: string; fileUrl: URL }) => {
                  try {
                    return await type.getEntryInfo(options);
                  } catch (error) {
                    return { body: '', data: { brokenBy: reason(error) } };
                  }
                },
              },
            ]),
          )
        : undefined;
      return loader.load({
        ...context,
        ...(entryTypes ? { entryTypes } : {}),
        parseData: async (props) => {
          if (isBrokenMark(props.data)) return props.data;
          try {
            return await context.parseData(props);
          } catch (error) {
            return { brokenBy: reason(error) } as unknown as typeof props.data;
          }
        },
      } as LoaderContext);
    },
  };
}

/**
 * The error a broken post's page throws: the check's messages for its file (so dev and `npm run check` say the
 * same), located at the first one for the overlay.
 */
export async function brokenPostError(post: BrokenPost, contentRoot: string, now: Date): Promise<ContentError> {
  // Loaded here, not at the top: the content config imports this module in every build, which needs no check.
  const { checkContent } = await import('./check/check-content.ts');
  const { issues } = await checkContent({ root: contentRoot, now });
  const own = issues.filter((issue) => issue.severity === 'error' && issue.file.endsWith(post.file));
  return new ContentError(own.length > 0 ? own : post.issues);
}
