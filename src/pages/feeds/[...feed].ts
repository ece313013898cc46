import type { APIRoute, GetStaticPaths } from 'astro';
import { buildNow, scope } from '../../lib/build-options';
import { entryContent } from '../../lib/feeds/entry-content';
import { feedMediaTypes, renderFeed } from '../../lib/feeds/render';
import { feedSources, type FeedSource } from '../../lib/feeds/sources';
import { feedKey } from '../../lib/page-keys';
import { getSite } from '../../lib/site';
import type { FeedFormat } from '../../lib/urls';

const formats: FeedFormat[] = ['atom', 'rss', 'json'];

export const getStaticPaths = (async () => {
  const { network, urls } = await getSite();
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
    now: buildNow,
  });
  return new Response(body, { headers: { 'Content-Type': feedMediaTypes[format] } });
};
