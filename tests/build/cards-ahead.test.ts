import { readFileSync } from 'node:fs';
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
});
