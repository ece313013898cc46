import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { generateNetwork, type GeneratedNetwork } from '../../tools/generate/network.ts';
import { MARKER, writeNetwork } from '../../tools/generate/write.ts';
import { extractRules } from '../../src/lib/rules.ts';
import { authorSchema } from '../../src/schemas/author.ts';
import { familySchema } from '../../src/schemas/family.ts';
import { networkSchema } from '../../src/schemas/network.ts';
import { postSchema } from '../../src/schemas/post.ts';
import { schoolSchema } from '../../src/schemas/school.ts';
import { topicSchema } from '../../src/schemas/topic.ts';

const options = { posts: 200, schools: 12, seed: 'test' };
const temp = mkdtempSync(join(tmpdir(), 'commonroom-generate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

function splitPost(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('no front matter');
  return { data: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
}

const texts = (network: GeneratedNetwork) =>
  new Map(network.files.flatMap((f) => ('text' in f ? [[f.path, f.text] as const] : [])));

describe('generateNetwork', () => {
  const network = generateNetwork(options);
  const files = texts(network);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateNetwork(options)).toEqual(network);
    expect(generateNetwork({ ...options, seed: 'other' }).files).not.toEqual(network.files);
  });

  it('writes byte-identical folders for the same arguments', async () => {
    const a = (await writeNetwork(join(temp, 'a'), options)).dir;
    const b = (await writeNetwork(join(temp, 'b'), options)).dir;
    const list = listFiles(a);
    expect(list).toEqual(listFiles(b));
    expect(list).toContain(MARKER);
    expect(list.some((f) => f.endsWith('.png'))).toBe(true);
    for (const file of list) expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file).toBe(true);
    // A second run replaces its own folder, but never a folder it did not write.
    await expect(writeNetwork(a, options)).resolves.toBeTruthy();
    await expect(writeNetwork(import.meta.dirname, options)).rejects.toThrow(/not empty/);
  });

  it('has the requested size and every kind of post and school', () => {
    expect(network.posts).toHaveLength(200);
    expect(network.schools).toHaveLength(12);
    expect(network.families).toHaveLength(3);
    expect(network.authors.length).toBeGreaterThanOrEqual(18);
    expect(network.topics.length).toBeGreaterThanOrEqual(15);
    const kinds = new Map<string, number>();
    for (const post of network.posts) kinds.set(post.kind, (kinds.get(post.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ reflection: 120, 'case-study': 50, 'rules-of-thumb': 30 });
    expect(network.posts.filter((p) => p.future).length).toBe(2);
    expect(network.posts.some((p) => p.publisher.type === 'family')).toBe(true);
    expect(new Set(network.posts.map((p) => p.file.split('.').pop()))).toEqual(new Set(['md', 'mdx']));
    const welsh = parse(files.get(`schools/${network.welshSchool}.yaml`)!) as { lang: string };
    expect(welsh.lang).toBe('cy');
    expect(network.posts.filter((p) => p.lang === 'cy').every((p) => p.publisher.id === network.welshSchool)).toBe(
      true,
    );
    expect(network.posts.some((p) => p.lang === 'cy')).toBe(true);
    const phases = new Set(
      network.schools.map((id) => (parse(files.get(`schools/${id}.yaml`)!) as { phase: string }).phase),
    );
    expect(phases.size).toBeGreaterThanOrEqual(4);
    const familyKinds = new Set(
      network.families.map((id) => (parse(files.get(`families/${id}.yaml`)!) as { kind: string }).kind),
    );
    expect(familyKinds.size).toBe(3);
  });

  it('writes files that parse and validate against the content schemas', () => {
    const schemas: [RegExp, z.ZodType][] = [
      [/^network\.yaml$/, networkSchema],
      [/^schools\//, schoolSchema],
      [/^families\//, familySchema],
      [/^authors\//, authorSchema],
      [/^topics\//, topicSchema],
    ];
    for (const [path, text] of files) {
      if (path.startsWith('posts/')) {
        const { data } = splitPost(text);
        const result = postSchema(z.string()).safeParse(data);
        expect(result.success, `${path}: ${result.error?.message}`).toBe(true);
        continue;
      }
      const schema = schemas.find(([pattern]) => pattern.test(path))?.[1];
      expect(schema, path).toBeDefined();
      const result = schema!.safeParse(parse(text));
      expect(result.success, `${path}: ${result.error?.message}`).toBe(true);
    }
  });

  it('only refers to things that exist', () => {
    const ids = {
      schools: new Set(network.schools),
      families: new Set(network.families),
      authors: new Set(network.authors),
      topics: new Set(network.topics),
    };
    const schoolFamilies = new Map<string, string[]>();
    for (const id of network.schools) {
      const school = parse(files.get(`schools/${id}.yaml`)!) as { families: string[]; expertise: string[] };
      school.families.forEach((f) => expect(ids.families.has(f), `${id} family ${f}`).toBe(true));
      school.expertise.forEach((t) => expect(ids.topics.has(t), `${id} expertise ${t}`).toBe(true));
      schoolFamilies.set(id, school.families);
    }
    for (const family of network.families) {
      expect(
        [...schoolFamilies.values()].some((list) => list.includes(family)),
        `${family} has members`,
      ).toBe(true);
    }
    for (const id of network.authors) {
      const author = parse(files.get(`authors/${id}.yaml`)!) as { school?: string; family?: string };
      if (author.school) expect(ids.schools.has(author.school)).toBe(true);
      if (author.family) expect(ids.families.has(author.family)).toBe(true);
    }
    expect(
      network.authors.some((id) => {
        const author = parse(files.get(`authors/${id}.yaml`)!) as { school?: string; family?: string };
        return !author.school && !author.family;
      }),
    ).toBe(true);

    const published = new Set(network.posts.filter((p) => !p.draft && !p.future).map((p) => p.path));
    const paths = new Set(network.files.map((f) => f.path));
    let links = 0;
    for (const post of network.posts) {
      expect(ids[post.publisher.type === 'school' ? 'schools' : 'families'].has(post.publisher.id)).toBe(true);
      const { data, body } = splitPost(files.get(post.file)!);
      (data.authors as string[]).forEach((a) => expect(ids.authors.has(a), `${post.file} author ${a}`).toBe(true));
      (data.topics as string[]).forEach((t) => expect(ids.topics.has(t), `${post.file} topic ${t}`).toBe(true));
      for (const family of (data.families as string[] | undefined) ?? []) {
        expect(schoolFamilies.get(post.publisher.id), `${post.file} family ${family}`).toContain(family);
      }
      const caseStudy = data.caseStudy as { partners: string[] } | undefined;
      for (const partner of caseStudy?.partners ?? []) {
        if (/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(partner))
          expect(ids.schools.has(partner), `${post.file} partner ${partner}`).toBe(true);
      }
      for (const [, href] of body.matchAll(/\]\((\/(?:schools|families)\/[^)]+)\)/g)) {
        links++;
        expect(published.has(href!), `${post.file} links to ${href}`).toBe(true);
      }
      for (const [, src] of body.matchAll(/!\[[^\]]+\]\(\.\/([^)]+)\)/g)) {
        expect(paths.has(`posts/${post.publisher.id}/${src}`), `${post.file} image ${src}`).toBe(true);
      }
      if (post.kind === 'rules-of-thumb') expect(extractRules(body).length, post.file).toBeGreaterThanOrEqual(5);
    }
    expect(links).toBeGreaterThan(50);
    expect(new Set(network.posts.map((p) => p.id)).size).toBe(network.posts.length);
  });
});
