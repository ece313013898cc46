import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { descriptionLength } from '../../src/lib/check/description.ts';
import { renderPost } from '../../src/lib/check/new-post.ts';
import { backendFor } from '../../src/lib/cms/backend.ts';
import { editorConfig, type EditorInput, type Publisher } from '../../src/lib/cms/config.ts';
import { fieldOf, UnmappedFieldError, type CmsField } from '../../src/lib/cms/fields.ts';
import { configFile, readConfigFile } from '../../src/lib/cms/page.ts';
import { readEditorInput } from '../../src/lib/cms/read-content.ts';
import { selfHostSveltia } from '../../src/lib/cms/self-host.ts';
import { adminContentSecurityPolicy, headerRules, headersFor } from '../../src/lib/hosting/headers.ts';
import { authorSchema } from '../../src/schemas/author.ts';
import { id } from '../../src/schemas/common.ts';
import { familySchema } from '../../src/schemas/family.ts';
import { networkSchema } from '../../src/schemas/network.ts';
import { caseStudySchema, postKinds, postSchema } from '../../src/schemas/post.ts';
import { schoolSchema } from '../../src/schemas/school.ts';
import { topicSchema } from '../../src/schemas/topic.ts';
import { root } from '../helpers/build.ts';
import { fieldPaths, schemaPaths } from './paths.ts';

type Collection = { name: string; folder?: string; fields?: CmsField[]; filter?: { value: string }; divider?: boolean };

const school: Publisher = {
  id: 'oak-primary',
  type: 'school',
  name: 'Oak Primary',
  families: [
    { id: 'river-trust', name: 'River Trust' },
    { id: 'hill-cluster', name: 'Hill Cluster' },
  ],
  hasMarkdownFiles: false,
};
const family: Publisher = {
  id: 'river-trust',
  type: 'family',
  name: 'River Trust',
  families: [],
  hasMarkdownFiles: true,
};
const input: EditorInput = {
  contentPath: 'content',
  networkName: 'Fixture Network',
  publishers: [school, family],
  editor: { forge: 'github', repo: 'fixture/network', review: true },
};

const collections = (config: Record<string, unknown>) =>
  (config['collections'] as Collection[]).filter((collection) => !collection.divider);
const byName = (config: Record<string, unknown>, name: string) => {
  const found = collections(config).find((collection) => collection.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found;
};

const widgets = new Set([
  'string',
  'text',
  'markdown',
  'datetime',
  'boolean',
  'number',
  'select',
  'relation',
  'list',
  'object',
  'image',
  'color',
]);

describe('the editor configuration generated from the schemas', () => {
  const { config } = editorConfig(input);

  it('gives every front-matter field of every kind of post an input, and the text a Markdown editor', () => {
    const schema = postSchema(z.string()) as unknown as { _zod: { def: { options: z.ZodObject[] } } };
    for (const option of schema._zod.def.options) {
      const kind = (option.shape['kind'] as unknown as { _zod: { def: { values: string[] } } })._zod.def.values[0]!;
      const form = fieldPaths(byName(config, `oak-primary--${kind}`).fields!);
      for (const path of schemaPaths(option.shape)) {
        expect(form.has(path), `${kind}: ${path}`).toBe(true);
        expect(widgets.has(form.get(path)!), `${kind}: ${path} is a ${form.get(path)}`).toBe(true);
      }
      expect(form.get('body')).toBe('markdown');
    }
  });

  it('gives every field of schools, families, authors, topics and the network file an input', () => {
    const data: [string, z.ZodObject][] = [
      ['schools', schoolSchema],
      ['families', familySchema],
      ['authors', authorSchema],
      ['topics', topicSchema],
    ];
    for (const [name, schema] of data) {
      const form = fieldPaths(byName(config, name).fields!);
      for (const path of schemaPaths(schema.shape)) expect(form.has(path), `${name}: ${path}`).toBe(true);
    }
    const network = (config['singletons'] as Collection[])[0]!;
    expect(network).toMatchObject({ name: 'network', file: 'content/network.yaml' });
    const form = fieldPaths(network.fields!);
    for (const path of schemaPaths(networkSchema.shape)) expect(form.has(path), `network: ${path}`).toBe(true);
  });

  it('lists posts by publisher and kind, in the publisher folder, filtered by kind', () => {
    const names = collections(config).map((collection) => collection.name);
    for (const kind of postKinds) {
      expect(names).toContain(`oak-primary--${kind}`);
      expect(names).toContain(`river-trust--${kind}`);
      expect(byName(config, `oak-primary--${kind}`)).toMatchObject({
        folder: 'content/posts/oak-primary',
        extension: 'mdx',
        filter: { field: 'kind', value: kind },
        media_folder: '',
      });
    }
    // A family with .md posts gets a list of them, where nothing new is created.
    expect(byName(config, 'river-trust--markdown')).toMatchObject({ extension: 'md', create: false });
    expect(names).not.toContain('oak-primary--markdown');
  });

  it('shows the case-study panel on case studies only, starting from the starter text of npm run new', () => {
    const caseStudy = byName(config, 'oak-primary--case-study').fields!.find((field) => field.name === 'caseStudy')!;
    expect(caseStudy.widget).toBe('object');
    const sub = fieldPaths(caseStudy['fields'] as CmsField[]);
    expect(sub.get('outcomes')).toBe('list');
    expect(sub.get('evidence')).toBe('list');
    expect(sub.get('evidence.title')).toBe('string');
    expect(sub.get('evidence.url')).toBe('string');
    expect(Object.keys(caseStudySchema.shape).every((key) => sub.has(key))).toBe(true);
    const outcomes = (caseStudy['fields'] as CmsField[]).find((field) => field.name === 'outcomes')!;
    expect(outcomes).toMatchObject({ min: 1, default: ['What changed, with a number where you have one'] });
    for (const kind of ['reflection', 'rules-of-thumb']) {
      expect(byName(config, `oak-primary--${kind}`).fields!.some((field) => field.name === 'caseStudy')).toBe(false);
    }
  });

  it('starts each kind from the same text as npm run new', () => {
    for (const kind of postKinds) {
      const body = byName(config, `oak-primary--${kind}`).fields!.find((field) => field.name === 'body')!;
      const made = renderPost({ kind, title: 'T', date: '2026-01-01', authors: ['a'], topics: ['t'] });
      expect(made.split(/\n---\n\n/)[1]).toBe(body.default);
    }
  });

  it('says how to write rules on the rules-of-thumb form only', () => {
    const hint = (kind: string) =>
      byName(config, `oak-primary--${kind}`).fields!.find((field) => field.name === 'body')!.hint;
    expect(hint('rules-of-thumb')).toMatch(/numbered list/);
    expect(hint('reflection')).toBeUndefined();
  });

  it('uses the right input for each field', () => {
    const fields = new Map(byName(config, 'oak-primary--reflection').fields!.map((field) => [field.name, field]));
    expect(fields.get('title')).toMatchObject({ widget: 'string' });
    expect(fields.get('title')!.required).toBeUndefined();
    expect(fields.get('description')).toMatchObject({
      widget: 'text',
      minlength: descriptionLength.min,
      maxlength: descriptionLength.max,
    });
    expect(fields.get('date')).toMatchObject({ widget: 'datetime', type: 'date', default: '{{now}}' });
    expect(fields.get('updated')).toMatchObject({ widget: 'datetime', required: false });
    expect(fields.get('draft')).toMatchObject({ widget: 'boolean', default: false });
    expect(fields.get('authors')).toMatchObject({ widget: 'relation', collection: 'authors', multiple: true, min: 1 });
    expect(fields.get('topics')).toMatchObject({ widget: 'relation', collection: 'topics', multiple: true, min: 1 });
    expect(fields.get('kind')).toMatchObject({ widget: 'select', default: 'reflection' });
    expect((fields.get('kind')!['options'] as { value: string }[]).map((option) => option.value)).toEqual([
      ...postKinds,
    ]);
    expect(fields.get('tags')).toMatchObject({ widget: 'list', required: false });
    // Only the school's own families can be chosen.
    expect(fields.get('families')).toMatchObject({
      widget: 'select',
      multiple: true,
      options: [
        { label: 'River Trust', value: 'river-trust' },
        { label: 'Hill Cluster', value: 'hill-cluster' },
      ],
    });
    expect(fields.get('lang')).toMatchObject({ widget: 'string', required: false });
    expect(fields.get('hero')).toMatchObject({ widget: 'image', required: false });
    expect(fields.get('heroAlt')!.hint).toMatch(/Required with a photo/);
    expect(fields.get('series')!['pattern']).toBeDefined();
    expect(fields.get('canonical')).toMatchObject({ type: 'url' });
    // A family's posts are shared with the family itself.
    expect(byName(config, 'river-trust--reflection').fields!.some((field) => field.name === 'families')).toBe(false);
    const schools = new Map(byName(config, 'schools').fields!.map((field) => [field.name, field]));
    expect(schools.get('colour')).toMatchObject({ widget: 'color', required: false, default: '#2b4c7e' });
    expect(schools.get('phase')).toMatchObject({ widget: 'select' });
    expect(schools.get('pupils')).toMatchObject({ widget: 'number', value_type: 'int' });
    expect(schools.get('expertise')).toMatchObject({ widget: 'relation', collection: 'topics', multiple: true });
    const authors = new Map(byName(config, 'authors').fields!.map((field) => [field.name, field]));
    expect(authors.get('school')).toMatchObject({ widget: 'relation', collection: 'schools', required: false });
    expect(authors.get('email')).toMatchObject({ type: 'email' });
    expect(authors.get('links')).toMatchObject({ widget: 'object' });
  });

  it('stops with a message naming a field the editor has no input for', () => {
    const walk = { present: () => undefined, relation: () => ({ collection: 'x', display: 'name' }) };
    expect(() => fieldOf('school', id, 'school', walk)).toThrow(UnmappedFieldError);
    expect(() => fieldOf('school', id, 'school', walk)).toThrow(/"school"/);
    expect(() => fieldOf('size', z.bigint(), 'size', walk)).toThrow(/no input for "size" \(a bigint/);
  });

  it('in a build, turns a field with no input yet into a text box and a note instead of failing', () => {
    const notes: string[] = [];
    const walk = {
      present: () => undefined,
      relation: () => ({ collection: 'x', display: 'name' }),
      unmapped: (error: UnmappedFieldError) => notes.push(error.message),
    };
    expect(fieldOf('translation', id.optional(), 'translation', walk)).toMatchObject({
      widget: 'string',
      required: false,
    });
    expect(notes).toEqual([expect.stringContaining('"translation"')]);
  });

  it('writes a config.yml that reads back as the same configuration, each repeated field list once', () => {
    const text = configFile(config);
    expect(readConfigFile(text)).toEqual(JSON.parse(JSON.stringify(config)));
    // Every school's lists share their fields: written once with an anchor, then referred to.
    expect(text).toMatch(/&a\d+/);
    expect(text.length).toBeLessThan(stringify(config, { lineWidth: 0, aliasDuplicateObjects: false }).length / 2);
  });
});

describe('the forge the editor commits to', () => {
  it('reviews posts on GitHub and GitLab by default, signing in through a relay or with PKCE', () => {
    const github = backendFor({
      forge: 'github',
      repo: 'a/b',
      review: true,
      signInRelay: 'https://auth.example.org/x',
    });
    expect(github.publishMode).toBe('editorial_workflow');
    expect(github.backend).toMatchObject({ name: 'github', repo: 'a/b', base_url: 'https://auth.example.org' });
    expect(github.connect).toEqual(['https://api.github.com']);
    const gitlab = backendFor({ forge: 'gitlab', repo: 'g/s/p', review: true, clientId: 'abc' });
    expect(gitlab.backend).toMatchObject({ name: 'gitlab', auth_type: 'pkce', app_id: 'abc' });
    expect(gitlab.publishMode).toBe('editorial_workflow');
    expect(backendFor({ forge: 'gitlab', repo: 'g/p', review: false }).publishMode).toBe('simple');
  });

  it('reaches a self-hosted Forgejo, where review happens by pull request from a branch', () => {
    const forgejo = backendFor({ forge: 'forgejo', repo: 'a/b', review: true, server: 'https://git.example.org' });
    expect(forgejo.backend).toMatchObject({
      name: 'gitea',
      api_root: 'https://git.example.org/api/v1',
      auth_methods: ['token'],
    });
    expect(forgejo.connect).toEqual(['https://git.example.org']);
    expect(forgejo.notes.join()).toMatch(/editor\.branch/);
    expect(backendFor({ forge: 'forgejo', repo: 'a/b', review: true, branch: 'writing' }).notes).toEqual([]);
  });

  it('without an editor block, reaches no forge at all', () => {
    const local = backendFor(undefined);
    expect(local.connect).toEqual([]);
    expect(local.notes).toEqual([]);
    expect(local.info?.join()).toMatch(/no editor: block/);
  });
});

describe('the editor page headers', () => {
  it('give /admin/ its own CSP allowing only its own files and the forge, and keep it out of search engines', () => {
    const rules = headerRules({ base: '/sub/', admin: { connect: ['https://api.github.com'], images: [] } });
    const admin = headersFor(rules, '/sub/admin/index.html');
    expect(admin['X-Robots-Tag']).toBe('noindex, nofollow');
    const csp = admin['Content-Security-Policy']!;
    expect(csp).toContain("connect-src 'self' blob: data: https://api.github.com;");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp.match(/https:\/\/[^\s;]+/g)).toEqual(['https://api.github.com']);
    // The rest of the site keeps its own policy.
    expect(headersFor(rules, '/sub/index.html')['Content-Security-Policy']).not.toContain('api.github.com');
    expect(headerRules({ base: '/' }).some((rule) => rule.path.includes('admin'))).toBe(false);
  });
});

describe('the deployment configs', () => {
  it('give /admin/ the policy a build for GitHub.com writes', () => {
    const csp = adminContentSecurityPolicy(backendFor({ forge: 'github', repo: 'a/b', review: true }));
    const read = (file: string) => readFileSync(join(root, file), 'utf8');
    expect(read('deploy/nginx-admin-headers.conf')).toContain(`add_header Content-Security-Policy "${csp}" always;`);
    expect(read('deploy/nginx.conf')).toContain('location /admin/ {');
    expect(read('deploy/.htaccess')).toContain(`Header always set Content-Security-Policy "${csp}"`);
    const cloudfront = JSON.parse(read('deploy/cloudfront-admin-response-headers.json')) as {
      SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: string } };
      CustomHeadersConfig: { Items: { Header: string; Value: string }[] };
    };
    expect(cloudfront.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toBe(csp);
    expect(cloudfront.CustomHeadersConfig.Items).toContainEqual(
      expect.objectContaining({ Header: 'X-Robots-Tag', Value: 'noindex, nofollow' }),
    );
  });
});

describe('reading the network for the editor', () => {
  const content = join(root, 'tests/fixtures/network');

  it('lists every school and family, with each school’s families', () => {
    const read = readEditorInput({ contentRoot: content, projectRoot: root, scope: { type: 'network' } });
    expect(read.contentPath).toBe('tests/fixtures/network');
    expect(read.publishers.map((publisher) => publisher.id).sort()).toEqual(
      [...readdirSync(join(content, 'schools')), ...readdirSync(join(content, 'families'))]
        .map((name) => name.replace(/\.yaml$/, ''))
        .sort(),
    );
    expect(read.publishers.find((publisher) => publisher.id === 'oak-primary')).toMatchObject({
      families: [
        { id: 'river-trust', name: 'River Trust' },
        { id: 'hill-cluster', name: 'Hill Cluster' },
      ],
      hasMarkdownFiles: true,
    });
  });

  it('shows a school-scope build only that school, and a family scope its schools and itself', () => {
    const scoped = (scope: Parameters<typeof readEditorInput>[0]['scope']) =>
      readEditorInput({ contentRoot: content, projectRoot: root, scope }).publishers.map((publisher) => publisher.id);
    expect(scoped({ type: 'school', id: 'oak-primary' })).toEqual(['oak-primary']);
    const family = scoped({ type: 'family', id: 'river-trust' });
    expect(family).toContain('river-trust');
    expect(family).toContain('oak-primary');
    expect(family).not.toContain('hill-cluster');
  });
});

describe('self-hosting Sveltia CMS', () => {
  const fonts = ['source-sans-3-latin-wght-normal-AbC.woff2', 'noto-mono-latin-400-normal-XyZ.woff2'];

  it('points its CDN fonts at the copies in its package and drops the status poll', () => {
    const code =
      'src:url(https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2) ' +
      'src:url(https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2) ' +
      '{statusDashboardURL:a,checkStatus:kye,init:()=>{}}';
    const result = selfHostSveltia(code, fonts);
    expect(result.code).toBe(
      'src:url(assets/source-sans-3-latin-wght-normal-AbC.woff2) src:url(assets/noto-mono-latin-400-normal-XyZ.woff2) ' +
        '{statusDashboardURL:a,checkStatus:void 0,init:()=>{}}',
    );
    expect(result).toMatchObject({ fonts: 2, statusChecks: 1 });
  });

  it('stops when a CDN font has no local copy', () => {
    expect(() =>
      selfHostSveltia('url(https://cdn.jsdelivr.net/fontsource/fonts/inter@5.0.0/latin-400-normal.woff2)', fonts),
    ).toThrow(/"inter"/);
  });

  it('finds every CDN font and status check in the installed version', () => {
    const dir = join(root, 'node_modules/@sveltia/cms/npm');
    const result = selfHostSveltia(readFileSync(join(dir, 'index.js'), 'utf8'), readdirSync(join(dir, 'assets')));
    expect(result.fonts).toBeGreaterThanOrEqual(3);
    expect(result.statusChecks).toBeGreaterThanOrEqual(1);
    expect(result.code).not.toContain('cdn.jsdelivr.net');
  });
});
