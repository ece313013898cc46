import type { APIRoute } from 'astro';
import { getSite } from '../lib/site.ts';

export const GET: APIRoute = async () => {
  const { urls } = await getSite();
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${urls.absolute(urls.sitemap())}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
