import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, tempDir, type BuildResult } from '../helpers/build.ts';
import { parse } from 'node-html-parser';
import { htmlFiles } from '../helpers/html.ts';

/** The `[cards]` line of a build's log. */
const cardsLine = ({ stdout, stderr }: BuildResult) => /\[cards\] .*/.exec(stdout + stderr)?.[0] ?? '';

/** Post pages in the output: pages whose card is a post card, by their `og:type`. */
function postPages(dir: string): string[] {
  return htmlFiles(dir).filter(
    (file) =>
      parse(readFileSync(join(dir, file), 'utf8'))
        .querySelector('meta[property="og:type"]')
        ?.getAttribute('content') === 'article',
  );
}

describe('cards drawn from the content before pages render', () => {
  it.each([
    ['the whole network', {}],
    ['a school’s own site', { COMMONROOM_SCOPE: 'school:elm-academy' }],
  ])('queues every post page’s card, exactly as the page records it, for %s', async (_, env) => {
    const result = await buildSite({
      content: 'tests/fixtures/network',
      env: { ...env, COMMONROOM_CARDS_CACHE: tempDir('cards-ahead') },
    });
    const line = cardsLine(result);
    const queued = /(\d+) post cards queued from the content before pages rendered/.exec(line);
    expect(queued, line).not.toBeNull();
    // Every card queued ahead is one a page asked for: a page that described its card differently would
    // leave one unused and draw its own.
    expect(line).not.toMatch(/not used by any page/);
    const posts = postPages(result.dir);
    expect(posts.length).toBeGreaterThan(0);
    expect(Number(queued![1])).toBe(posts.length);
    const rendered = Number(/(\d+) rendered/.exec(line)![1]);
    expect(rendered).toBeGreaterThan(posts.length);
  });

  it('are drawn by `npm run build` in a process of its own, and finished once Astro has exited', async () => {
    const result = await buildSite({
      content: 'tests/fixtures/network',
      env: { COMMONROOM_CARDS_CACHE: tempDir('cards-apart') },
      script: true,
    });
    const line = cardsLine(result);
    const queued = /(\d+) post cards queued from the content before pages rendered/.exec(line);
    expect(queued, line).not.toBeNull();
    expect(line).not.toMatch(/not used by any page/);
    expect(Number(queued![1])).toBe(postPages(result.dir).length);
    // Astro says it is complete when its last integration is done: the cards come after that.
    const log = result.stdout;
    expect(log.indexOf('[cards]')).toBeGreaterThan(log.indexOf('[build] Complete!'));
    let cards = 0;
    for (const file of htmlFiles(result.dir)) {
      const image = parse(readFileSync(join(result.dir, file), 'utf8'))
        .querySelector('meta[property="og:image"]')
        ?.getAttribute('content');
      if (!image) continue;
      const card = join(result.dir, new URL(image).pathname);
      expect(existsSync(card), `${file}: ${image}`).toBe(true);
      cards++;
    }
    expect(cards).toBeGreaterThan(Number(queued![1]));
  });
});
