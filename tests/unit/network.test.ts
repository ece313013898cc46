import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/content-issue.ts';
import { buildNetwork, type RawContent } from '../../src/lib/network/build.ts';
import { rawNetworkInfo, rawPost as post, rawSchool as school } from '../helpers/raw-network.ts';

function content(posts: RawContent<string>['posts']): RawContent<string> {
  return {
    network: rawNetworkInfo,
    schools: [school('oak', ['trust', 'cluster']), school('elm', ['cluster'], { lang: 'cy' })],
    families: [
      { id: 'trust', data: { name: 'Trust', kind: 'multi-academy-trust', description: 'd', colour: '#333333' } },
      { id: 'cluster', data: { name: 'Cluster', kind: 'cluster', description: 'd', colour: '#333333' } },
    ],
    authors: [
      { id: 'ann', data: { name: 'Ann', role: 'Head', school: 'oak', bio: 'b', links: {} } },
      { id: 'eve', data: { name: 'Eve', role: 'Adviser', bio: 'b', links: {} } },
    ],
    topics: [
      { id: 'reading', data: { name: 'Reading', description: 'd' } },
      { id: 'send', data: { name: 'SEND', description: 'd' } },
    ],
    posts,
  };
}
const context = { now: new Date('2026-01-31'), preview: false, scope: { type: 'network' as const } };

describe('buildNetwork', () => {
  it('publishes posts newest first and shares them with all of the school’s families by default', () => {
    const { network } = buildNetwork(
      content([post('oak/a', '2025-01-01'), post('oak/b', '2025-06-01'), post('elm/c', '2025-03-01')]),
      context,
    );
    expect(network.posts.map((p) => p.id)).toEqual(['oak/b', 'elm/c', 'oak/a']);
    expect(network.post('oak/a')?.families).toEqual(['trust', 'cluster']);
    expect(network.postsByFamily('cluster').map((p) => p.id)).toEqual(['oak/b', 'elm/c', 'oak/a']);
    expect(network.postsByFamily('trust').map((p) => p.id)).toEqual(['oak/b', 'oak/a']);
  });

  it('takes the post language from the school when the post gives none', () => {
    const { network } = buildNetwork(content([post('elm/c', '2025-03-01')]), context);
    expect(network.post('elm/c')?.lang).toBe('cy');
  });

  it('limits sharing to the families a post names', () => {
    const { network } = buildNetwork(content([post('oak/a', '2025-01-01', { families: ['trust'] })]), context);
    expect(network.postsByFamily('cluster')).toEqual([]);
    expect(network.postsByFamily('trust').map((p) => p.id)).toEqual(['oak/a']);
  });

  it('links previous and next within the publisher only', () => {
    const { network } = buildNetwork(
      content([post('oak/a', '2025-01-01'), post('elm/c', '2025-03-01'), post('oak/b', '2025-06-01')]),
      context,
    );
    const a = network.post('oak/a')!;
    expect(network.neighbours(a).next?.id).toBe('oak/b');
    expect(network.neighbours(a).previous).toBeUndefined();
  });

  it('drops drafts and future posts from every listing', () => {
    const { network } = buildNetwork(
      content([post('oak/a', '2025-01-01', { draft: true }), post('oak/b', '2027-01-01'), post('oak/c', '2025-01-01')]),
      context,
    );
    expect(network.posts.map((p) => p.id)).toEqual(['oak/c']);
    expect(network.postsByAuthor('ann').map((p) => p.id)).toEqual(['oak/c']);
    expect(network.years).toEqual([2025]);
  });

  it('gathers each rule of thumb once, under its post’s first topic, for the rulebook', () => {
    const rules = {
      ...post('oak/r', '2025-01-01', { kind: 'rules-of-thumb', topics: ['reading', 'send'] }),
      body: '1. **One.** a\n2. **Two.** b',
    };
    const { network } = buildNetwork(content([rules]), context);
    expect(network.rulebook.map((s) => [s.topic.id, s.entries.map((e) => e.rule.anchor)])).toEqual([
      ['reading', ['rule-1', 'rule-2']],
    ]);
  });

  it('stops with every dangling reference named, with a suggestion for near misses', () => {
    const bad = [post('oak/a', '2025-01-01', { authors: ['anne'], topics: ['sned'] }), post('nowhere/b', '2025-01-01')];
    expect(() => buildNetwork(content(bad), context)).toThrow(ContentError);
    try {
      buildNetwork(content(bad), context);
    } catch (error) {
      const messages = (error as ContentError).issues.map((i) => `${i.field}: ${i.message}`);
      expect(messages).toContain('authors[0]: "anne" is not an author (did you mean "ann"?)');
      expect(messages).toContain('topics[0]: "sned" is not a topic (did you mean "send"?)');
      expect(messages.some((m) => m.includes('"nowhere" is not a school or family id'))).toBe(true);
    }
  });

  it('says where the ids come from, and which file would add one, when a reference is nothing like any', () => {
    const raw = content([post('oak/a', '2025-01-01', { authors: ['jdoe'], topics: ['reading', 'astronomy'] })]);
    raw.authors = raw.authors.map((author) => ({ ...author, filePath: `content/authors/${author.id}.yaml` }));
    try {
      buildNetwork(raw, context);
      expect.unreachable('the build should stop');
    } catch (error) {
      const messages = (error as ContentError).issues.map((i) => `${i.field}: ${i.message}`);
      expect(messages).toContain(
        'authors[0]: "jdoe" is not an author: use the name of a file in content/authors/ without ".yaml" (such as "ann", "eve"), or add content/authors/jdoe.yaml',
      );
      // Records read without a path are named by their folder in the content.
      expect(messages).toContain(
        'topics[1]: "astronomy" is not a topic: use the name of a file in topics/ without ".yaml" (such as "reading", "send"), or add topics/astronomy.yaml',
      );
    }
  });

  it('rejects a rules-of-thumb post without a numbered list', () => {
    expect(() => buildNetwork(content([post('oak/r', '2025-01-01', { kind: 'rules-of-thumb' })]), context)).toThrow(
      /numbered list/,
    );
  });

  it('limits a school scope to the school, its posts and their authors', () => {
    const { network } = buildNetwork(
      content([post('oak/a', '2025-01-01'), post('elm/c', '2025-03-01', { authors: ['eve'] })]),
      {
        ...context,
        scope: { type: 'school', id: 'elm' },
      },
    );
    expect(network.posts.map((p) => p.id)).toEqual(['elm/c']);
    expect(network.schools.map((s) => s.id)).toEqual(['elm']);
    expect(network.authors.map((a) => a.id)).toEqual(['eve']);
  });
});
