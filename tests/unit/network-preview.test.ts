import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/content-issue.ts';
import { buildNetwork, type RawContent } from '../../src/lib/network/build.ts';
import { rawNetworkInfo, rawPost as post, rawSchool as school } from '../helpers/raw-network.ts';

/** What the content layer keeps, in `npm run dev`, of a file it could not read (src/lib/dev-preview.ts). */
const unreadable = (id: string, brokenBy: string) => ({ id, data: { brokenBy } as never });

function content(change: Partial<RawContent<string>> = {}): RawContent<string> {
  return {
    network: rawNetworkInfo,
    schools: [school('oak', ['trust']), school('elm', ['trust'], { expertise: ['send'] })],
    families: [{ id: 'trust', data: { name: 'Trust', kind: 'multi-academy-trust', description: 'd', colour: '#333' } }],
    authors: [
      { id: 'ann', data: { name: 'Ann', role: 'Head', school: 'oak', bio: 'b', links: {} } },
      { id: 'ben', data: { name: 'Ben', role: 'Teacher', school: 'elm', bio: 'b', links: {} } },
      { id: 'dee', data: { name: 'Dee', role: 'CEO', family: 'trust', bio: 'b', links: {} } },
    ],
    topics: [
      { id: 'reading', data: { name: 'Reading', description: 'd' } },
      { id: 'send', data: { name: 'SEND', description: 'd' } },
    ],
    posts: [
      post('oak/phonics', '2025-01-01'),
      post('elm/maths', '2025-02-01', { authors: ['ben'], topics: ['reading', 'send'] }),
      post('elm/shared', '2025-03-01', { authors: ['ben', 'ann'] }),
      post('trust/calendar', '2025-04-01', { authors: ['dee'] }),
    ],
    ...change,
  };
}
const preview = { now: new Date('2026-01-31'), preview: true, scope: { type: 'network' as const } };

describe('the dev preview around a school, family, author or topic file with mistakes', () => {
  it('sets an unreadable school aside with its posts, and keeps every other page', () => {
    const raw = content({ schools: [unreadable('oak', 'phase: Invalid option'), school('elm', ['trust'])] });
    const { network } = buildNetwork(raw, preview);
    expect(network.brokenRecords.map(({ type, id, file }) => [type, id, file])).toEqual([
      ['school', 'oak', 'schools/oak.yaml'],
    ]);
    expect(network.brokenRecords[0]?.issues.map((issue) => issue.message)).toEqual(['phase: Invalid option']);
    expect(network.all.schools.map((s) => s.id)).toEqual(['elm']);
    expect(network.broken.map(({ id, publisher, needs }) => [id, publisher.type, needs])).toEqual([
      ['oak/phonics', 'school', 'schools/oak.yaml'],
    ]);
    expect(network.posts.map((p) => p.id)).toEqual(['trust/calendar', 'elm/shared', 'elm/maths']);
    // Ann's own page still works: it no longer names a school it cannot show.
    expect(network.author('ann')?.school).toBeUndefined();
    expect(network.authorsOfSchool('oak')).toEqual([]);
  });

  it('sets aside a school whose references are wrong, with its own message, instead of stopping every page', () => {
    const raw = content({ schools: [school('oak', ['trust'], { expertise: ['readin'] }), school('elm', ['trust'])] });
    const { network } = buildNetwork(raw, preview);
    expect(
      network.brokenRecords.map(({ type, id, issues }) => [type, id, issues.map((issue) => issue.message)]),
    ).toEqual([['school', 'oak', ['"readin" is not a topic (did you mean "reading"?)']]]);
    expect(network.broken.map(({ id, needs }) => [id, needs])).toEqual([['oak/phonics', 'schools/oak.yaml']]);
    // A build refuses the same content outright.
    expect(() => buildNetwork(raw, { ...preview, preview: false })).toThrow(ContentError);
  });

  it('holds back every post by an author it set aside, naming the author’s file, and lists the author nowhere', () => {
    const raw = content({
      authors: [...content().authors.filter((a) => a.id !== 'ann'), { ...unreadable('ann', 'bad'), filePath: 'a.yml' }],
    });
    const { network } = buildNetwork(raw, preview);
    expect(network.broken.map(({ id, needs }) => [id, needs])).toEqual([
      ['oak/phonics', 'a.yml'],
      ['elm/shared', 'a.yml'],
    ]);
    expect(network.posts.map((p) => p.id)).toEqual(['trust/calendar', 'elm/maths']);
    expect(network.all.authors.map((a) => a.id)).toEqual(['ben', 'dee']);
    expect(network.brokenRecords.map(({ type, id, file }) => [type, id, file])).toEqual([['author', 'ann', 'a.yml']]);
  });

  it('sets an author aside whose school is wrong, so the posts and pages that need it say so', () => {
    const raw = content({
      authors: [{ id: 'ann', data: { name: 'Ann', role: 'Head', school: 'oka', bio: 'b', links: {} } }],
      posts: [post('oak/phonics', '2025-01-01')],
    });
    const { network } = buildNetwork(raw, preview);
    expect(network.brokenRecords.map(({ id, issues }) => [id, issues[0]?.message])).toEqual([
      ['ann', '"oka" is not a school (did you mean "oak"?)'],
    ]);
    expect(network.broken.map(({ id, needs }) => [id, needs])).toEqual([['oak/phonics', 'authors/ann.yaml']]);
  });

  it('leaves a topic it set aside off the posts and schools that name it, which stay published', () => {
    const raw = content({
      topics: [{ id: 'reading', data: { name: 'Reading', description: 'd' } }, unreadable('send', 'x')],
    });
    const { network } = buildNetwork(raw, preview);
    expect(network.brokenRecords.map(({ type, id }) => [type, id])).toEqual([['topic', 'send']]);
    expect(network.post('elm/maths')?.topics).toEqual(['reading']);
    expect(network.school('elm')?.expertise).toEqual([]);
    expect(network.broken).toEqual([]);
    expect(network.posts).toHaveLength(4);
  });

  it('holds back a family’s own posts and leaves the family off its schools and shared posts', () => {
    const raw = content({ families: [unreadable('trust', 'kind: Invalid option')] });
    const { network } = buildNetwork(raw, preview);
    expect(network.broken.map(({ id, publisher, needs }) => [id, publisher.type, needs])).toEqual([
      ['trust/calendar', 'family', 'families/trust.yaml'],
    ]);
    expect(network.school('oak')?.families).toEqual([]);
    expect(network.post('oak/phonics')?.families).toEqual([]);
    expect(network.author('dee')?.family).toBeUndefined();
    expect(network.all.families).toEqual([]);
  });

  it('shows a post’s own unreadable file before its school’s', () => {
    const raw = content({
      schools: [unreadable('oak', 'phase'), school('elm', ['trust'])],
      posts: [{ ...unreadable('oak/draft', 'title: Required'), body: '' }],
    });
    const { network } = buildNetwork(raw, preview);
    expect(network.broken.map(({ id, needs, issues }) => [id, needs, issues[0]?.message])).toEqual([
      ['oak/draft', undefined, 'title: Required'],
    ]);
  });
});
