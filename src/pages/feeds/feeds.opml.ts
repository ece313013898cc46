import type { APIRoute } from 'astro';
import { renderOpml } from '../../lib/feeds/opml.ts';
import { feedSources, siteName } from '../../lib/feeds/sources.ts';
import { translator } from '../../lib/i18n.ts';
import { getSite } from '../../lib/site.ts';

export const GET: APIRoute = async () => {
  const { network, urls, scope, now, lang } = await getSite();
  const body = renderOpml(feedSources(network, urls, scope), urls, {
    title: translator(lang)('feeds.opmlTitle', { name: siteName(network, scope) }),
    created: now,
    lang,
  });
  return new Response(body, { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
};
