import type { APIRoute, GetStaticPaths } from 'astro';
import { entryContent } from '../../lib/feeds/entry-content.ts';
import { feedMediaTypes, renderFeed } from '../../lib/feeds/render.ts';
import { feedSources, type FeedSource } from '../../lib/feeds/sources.ts';
import { feedKey } from '../../lib/page-keys.ts';
import { getSite } from '../../lib/site.ts';
import type { FeedFormat } from '../../lib/urls.ts';

const formats: FeedFormat[] = ['atom', 'rss', 'json'];

export const getStaticPaths = (async () => {
  const { network, urls, scope } = await getSite();
  return feedSources(network, urls, scope).flatMap((source) =>
    formats.map((format) => ({
      params: { feed: urls.feedRoute(source.subject, format) },
      props: { source, format },
      cacheKey: feedKey(source, format, network, urls),
    })),
  );
}) satisfies GetStaticPaths;

interface Props {
  source: FeedSource<import('astro').ImageMetadata>;
  format: FeedFormat;
}

export const GET: APIRoute<Props> = async ({ props: { source, format } }) => {
  const site = await getSite();
  const body = await renderFeed(source, format, {
    network: site.network,
    urls: site.urls,
    content: (post) => entryContent(post, site),
    now: site.now,
  });
  return new Response(body, { headers: { 'Content-Type': feedMediaTypes[format] } });
};
