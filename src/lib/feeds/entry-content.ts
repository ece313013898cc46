import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getImage } from 'astro:assets';
import { loadRenderers } from 'astro:container';
import { getEntry, render } from 'astro:content';
import type { Site, Post } from '../site.ts';
import { absoluteHtml } from './absolute-html.ts';
import type { EntryContent } from './render.ts';

let container: Promise<AstroContainer> | undefined;
const cache = new Map<string, Promise<EntryContent>>();

async function load(post: Post, { urls }: Site): Promise<EntryContent> {
  const entry = await getEntry('posts', post.id);
  if (!entry) throw new Error(`No content entry for ${post.id}`);
  // The container renders `.md` and `.mdx` alike, with their images resolved to built files.
  const { Content } = await render(entry);
  // MDX bodies are JSX: the container needs the MDX renderer that the build itself uses.
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  const html = await (await container).renderToString(Content);
  const pageUrl = urls.absolute(urls.post(post));
  const hero = post.hero
    ? await getImage({ src: post.hero, width: Math.min(1200, post.hero.width), format: 'jpeg' })
    : undefined;
  const heroHtml = hero
    ? `<p><img src="${hero.src}" alt="${escapeAttribute(post.heroAlt ?? '')}" width="${hero.attributes['width']}" height="${hero.attributes['height']}"></p>`
    : '';
  return {
    html: absoluteHtml(heroHtml + html, pageUrl),
    image: hero ? new URL(hero.src, pageUrl).href : undefined,
  };
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The post's body as a feed carries it (with the hero image first), rendered once per build. */
export function entryContent(post: Post, site: Site): Promise<EntryContent> {
  let content = cache.get(post.id);
  if (!content) {
    content = load(post, site);
    cache.set(post.id, content);
  }
  return content;
}
