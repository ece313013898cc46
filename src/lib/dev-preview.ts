/**
 * `npm run dev` survives a bad file: the content layer keeps it as a marked entry instead of stopping, the
 * model sets it aside (`network.broken` for posts, `network.brokenRecords` for schools, families, authors and
 * topics) with what cannot be shown without it, and its pages throw the check's messages for that file, with
 * the writer's file and line for the error overlay. Every other page keeps working; a bad `network.yaml` is
 * shown on every page. Builds never use this: `npm run build` refuses the bad file before Astro starts.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError, type ContentIssue } from './content-issue.ts';
import type { BrokenRecord, Network } from './network/types.ts';
import { settings } from './settings.ts';

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

// Astro marks up its messages for the terminal (`**schools → oak**`): the stars mean nothing on a page.
const reason = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replaceAll('**', '');

/**
 * Wraps a loader so that a file that cannot be parsed or fails the schema (a post's front matter, a school's
 * YAML…) is stored as a `BrokenMark` rather than stopping the dev server.
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
 * The error a page throws when what it shows was set aside (a post, school, family, author or topic, or the
 * network itself): the check's messages for the file at fault (so dev and `npm run check` say the same), located
 * at the first one for the overlay. For a post held back by its school or author, that is the other file.
 */
export async function setAsideError(what: {
  file: string;
  needs?: string | undefined;
  issues: ContentIssue[];
}): Promise<ContentError> {
  // Loaded here, not at the top: the content config imports this module in every build, which needs no check.
  const { checkContent } = await import('./check/check-content.ts');
  const { contentRoot, now } = settings();
  const { issues } = await checkContent({ root: contentRoot, now });
  const file = what.needs ?? what.file;
  const own = issues.filter((issue) => issue.severity === 'error' && issue.file.endsWith(file));
  return new ContentError(own.length > 0 ? own : what.issues);
}

/**
 * The pages of the set-aside schools, families, authors or topics for their listing route (`[school]/[...page]`
 * and the like): each keeps its address in `npm run dev` and shows its file's mistakes there.
 */
export const setAsidePaths = (network: Pick<Network, 'brokenRecords'>, type: BrokenRecord['type']) =>
  network.brokenRecords
    .filter((broken) => broken.type === type)
    .map((broken) => ({ params: { [type]: broken.id, page: undefined }, props: { broken } }));
