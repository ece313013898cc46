import { describe, expect, it } from 'vitest';
import { bodyFacts } from '../../src/lib/check/body-facts.ts';
import { checkContent } from '../../src/lib/check/check-content.ts';
import { createFactsPool } from '../../src/lib/check/facts-pool.ts';
import { writeNetwork } from '../../tools/generate/write.ts';
import { tempDir } from '../helpers/build.ts';

const now = new Date('2026-11-01');

/** Bodies of every shape the check reads, broken ones included. */
const bodies: { text: string; mdx: boolean; rules: boolean }[] = [
  {
    text: '\nA [link](/schools/oak/) and ![a chart](./chart.png).\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
    mdx: false,
    rules: false,
  },
  {
    text: '\nIntro.\n\n1. **Start small.** Then grow.\n2. **Write it down.** Memory fades.\n',
    mdx: false,
    rules: true,
  },
  { text: "\nimport Note from './note.astro';\n\n<Note>Hello</Note>\n", mdx: true, rules: false },
  { text: '\nAn <div>unclosed element in MDX.\n', mdx: true, rules: false },
  { text: '\n```js\nconst fence = "never closed";\n', mdx: false, rules: false },
];

describe('parsing post bodies on worker threads', () => {
  it('gives the same facts as parsing on the check’s own thread', async () => {
    const pool = createFactsPool(2);
    try {
      for (const { text, mdx, rules } of bodies)
        expect(await pool.facts(text, text, { mdx, rules })).toEqual(await bodyFacts(text, text, { mdx, rules }));
    } finally {
      await pool.close();
    }
  });

  it('gives the same check of a whole network, with hundreds of new posts spread over the workers', async () => {
    const root = tempDir('check-parallel');
    await writeNetwork(root, { posts: 240, schools: 8, seed: 'parallel' });
    const alone = await checkContent({ root, now, cache: false, cwd: root, threads: 1 });
    const spread = await checkContent({ root, now, cache: false, cwd: root, threads: 2 });
    expect(alone.counts.posts).toBeGreaterThan(200);
    expect(spread).toEqual(alone);
  });
});
