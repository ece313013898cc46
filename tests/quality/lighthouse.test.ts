import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { page } from '../helpers/html.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { belowMinimum, lighthouseScores, MINIMUM } from './gates/lighthouse.ts';

// Lighthouse checks canonical URLs against the page's own origin, so the demo is built for the address it is served at.
const PORT = 4611;
let server: StaticServer;
let dir: string;

beforeAll(async () => {
  ({ dir } = await buildSite({ content: 'content', env: { COMMONROOM_SITE: `http://127.0.0.1:${PORT}` } }));
  server = await serveStatic(dir, '/', { port: PORT });
});
afterAll(async () => {
  await server?.close();
});

describe('Lighthouse on the demo network (mobile)', () => {
  it(`scores at least ${MINIMUM} in every category on a post, a school page and the search page`, async () => {
    const firstPost = page(dir, '/kinds/case-study/')
      .querySelectorAll('main a')
      .map((a) => a.getAttribute('href')!)
      .find(
        (href) =>
          /^\/schools\/castle-fields\/[^/]+\/$/.test(href) === false && /^\/schools\/[^/]+\/[^/]+\/$/.test(href),
      )!;
    const urls = [
      `${server.root}${firstPost.slice(1)}`,
      `${server.root}schools/onny-vale-school/`,
      `${server.root}search/?q=phonics`,
    ];
    const scores = await lighthouseScores(urls);
    for (const [url, s] of scores) {
      console.log(
        `lighthouse ${new URL(url).pathname}${new URL(url).search}: ${Object.entries(s)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
    }
    expect(belowMinimum(scores)).toEqual([]);
  });
});
