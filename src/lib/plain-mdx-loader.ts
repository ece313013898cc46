/**
 * A build renders plain `.mdx` posts (`isPlainMdx`: no component, import, expression or tag) at content sync
 * with the Markdown pipeline, as Astro renders `.md` posts, so Vite does not bundle them as modules. Most
 * posts are plain; at 1,000 posts this took Vite's bundle after an edit from 2.3–2.5 s to 1.2 s. Every
 * other `.mdx` post is left to `@astrojs/mdx`, as before. `npm run dev` is left as it is.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { isPlainMdx } from './plain-mdx.ts';

interface RenderedContent {
  html: string;
  metadata?: Record<string, unknown>;
}
interface RenderEntry {
  id: string;
  data: unknown;
  body?: string;
  filePath?: string;
  digest?: string | number;
}
type RenderFunction = (entry: RenderEntry) => Promise<RenderedContent | undefined>;
interface EntryType {
  getRenderFunction?: (config: unknown) => Promise<RenderFunction>;
}
interface StoredEntry {
  filePath?: string;
  rendered?: RenderedContent;
  deferredRender?: boolean;
}

export function plainMdxAsMarkdown(loader: Loader): Loader {
  return {
    ...loader,
    load: (context: LoaderContext) => {
      const types = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
      const markdown = types?.get('.md');
      const mdx = types?.get('.mdx');
      if (!types || !mdx || !markdown?.getRenderFunction) return loader.load(context);
      const renderMarkdown = markdown.getRenderFunction.bind(markdown);
      const entryTypes = new Map(types);
      entryTypes.set('.mdx', {
        ...mdx,
        getRenderFunction: async (config) => {
          const render = await renderMarkdown(config);
          return async (entry) => ((await isPlainMdx(entry.body ?? '')) ? render(entry) : undefined);
        },
      });
      // An `.mdx` post left unrendered is one `@astrojs/mdx` renders: it is kept as a module, as before.
      const store = new Proxy(context.store, {
        get(target, property, receiver) {
          if (property !== 'set') return Reflect.get(target, property, receiver) as unknown;
          return (entry: StoredEntry) =>
            target.set(
              (entry.filePath?.endsWith('.mdx') && !entry.rendered
                ? { ...entry, deferredRender: true }
                : entry) as Parameters<typeof target.set>[0],
            );
        },
      });
      return loader.load({ ...context, entryTypes, store } as LoaderContext);
    },
  };
}
