import type { APIRoute } from 'astro';
import { renderOpml } from '../../lib/feeds/opml.ts';
import { feedSources, siteName } from '../../lib/feeds/sources.ts';
import { getSite } from '../../lib/site.ts';

export const GET: APIRoute = async () => {
  const { network, urls, scope, now } = await getSite();
  const body = renderOpml(feedSources(network, urls, scope), urls, {
    title: `${siteName(network, scope)}: every feed`,
    created: now,
  });
  return new Response(body, { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
};
