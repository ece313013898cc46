import type { APIRoute } from 'astro';
import { buildNow, scope } from '../../lib/build-options';
import { renderOpml } from '../../lib/feeds/opml';
import { feedSources, siteName } from '../../lib/feeds/sources';
import { getSite } from '../../lib/site';

export const GET: APIRoute = async () => {
  const { network, urls } = await getSite();
  const body = renderOpml(feedSources(network, urls, scope), urls, {
    title: `${siteName(network, scope)}: every feed`,
    created: buildNow,
  });
  return new Response(body, { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
};
