import type { APIRoute, GetStaticPaths, ImageMetadata } from 'astro';
import { entryContent } from '../../lib/feeds/entry-content.ts';
import { feedFormatInfo, feedFormats, type FeedFormat } from '../../lib/feeds/formats.ts';
import { renderFeed } from '../../lib/feeds/render.ts';
import { feedSources, type FeedSource } from '../../lib/feeds/sources.ts';
import { feedKey } from '../../lib/page-keys.ts';
import { getSite } from '../../lib/site.ts';

export const getStaticPaths = (async () => {
  const { network, urls, scope } = await getSite();
  return feedSources(network, urls, scope).flatMap((source) =>
    feedFormats.map((format) => ({
      params: { feed: urls.feedRoute(source.subject, format) },
      props: { source, format },
      cacheKey: feedKey(source, format, network, urls),
    })),
  );
}) satisfies GetStaticPaths;

interface Props {
  source: FeedSource<ImageMetadata>;
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
  return new Response(body, { headers: { 'Content-Type': `${feedFormatInfo[format].mediaType}; charset=utf-8` } });
};
