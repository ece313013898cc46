import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withBuildLock } from '../helpers/build.ts';

const TMP = resolve('tests/.tmp/setup');

/** Runs an npm script as a person would, with `input` piped in as their answers. */
function npm(args: string[], input = '') {
  const result = spawnSync('npm', ['run', '--silent', ...args], { encoding: 'utf8', input });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function fresh(name: string): string {
  const dir = join(TMP, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every file under a folder with its text, to compare two networks or one network before and after. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(dir, path), readFileSync(path, 'utf8')];
      })
      .sort(([a], [b]) => a!.localeCompare(b!)),
  );
}

const flags = [
  '--name',
  'Teme Valley Schools',
  '--site',
  'https://teme.example.org',
  '--lang',
  'bilingual',
  '--contact',
  'office@teme.example.org',
  '--publisher',
  'school',
  '--school-name',
  'Ysgol y Ddôl',
  '--school-phase',
  'primary',
  '--school-town',
  'Knighton',
  '--school-region',
  'Powys',
  '--school-colour',
  '#1d4e89',
  '--school-lang',
  'Welsh',
  '--author-name',
  'Siân Owen',
  '--author-role',
  'Headteacher',
  '--topics',
  'Leadership, Bilingualism, Early years',
];

/** The same answers typed one a line, in the order the questions come; blank lines take the suggestion. */
const typed = [
  'Teme Valley Schools',
  'https://teme.example.org',
  '3',
  '',
  '',
  'office@teme.example.org',
  '1',
  'Ysgol y Ddôl',
  'primary',
  'Knighton',
  'Powys',
  '#1d4e89',
  'Cymraeg',
  'Siân Owen',
  'Headteacher',
  '',
  '',
  'Leadership, Bilingualism, Early years',
  '',
].join('\n');

/** `npm run build` for a content folder, holding the lock every test build takes. */
function build(content: string, out: string) {
  return withBuildLock(
    () =>
      new Promise<{ status: number | null; out: string }>((resolvePromise, reject) => {
        const child = spawn('npm', ['run', '--silent', 'build'], {
          env: { ...process.env, NO_COLOR: '1', COMMONROOM_CONTENT: content, COMMONROOM_OUT: out },
        });
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
        child.on('error', reject);
        child.on('close', (status) => resolvePromise({ status, out: text }));
      }),
  );
}

describe('npm run setup from nothing', () => {
  let dir: string;
  let made: { status: number | null; out: string };

  beforeAll(() => {
    dir = fresh('flags');
    made = npm(['setup', '--', '--content', join(dir, 'content'), '--yes', ...flags]);
  }, 60_000);

  it('writes a minimal network and a draft first post, and says what to do next', () => {
    expect(made.status, made.out).toBe(0);
    const files = Object.keys(snapshot(join(dir, 'content')));
    expect(files).toEqual([
      'authors/sian-owen.yaml',
      'network.yaml',
      'posts/ysgol-y-ddol/why-we-are-writing-in-the-open.mdx',
      'schools/ysgol-y-ddol.yaml',
      'topics/bilingualism.yaml',
      'topics/early-years.yaml',
      'topics/leadership.yaml',
    ]);
    const school = readFileSync(join(dir, 'content/schools/ysgol-y-ddol.yaml'), 'utf8');
    expect(school).toContain('name: Ysgol y Ddôl');
    expect(school).toContain('lang: cy');
    const post = readFileSync(join(dir, 'content/posts/ysgol-y-ddol/why-we-are-writing-in-the-open.mdx'), 'utf8');
    expect(post).toContain('authors: [sian-owen]');
    expect(post).toContain('draft: true');
    expect(made.out).toContain('http://localhost:4321/schools/ysgol-y-ddol/why-we-are-writing-in-the-open/');
    expect(made.out).toContain('npm run dev');
  });

  it('passes npm run check with no error and no warning', () => {
    const checked = npm(['check', '--', '--json', '--content', join(dir, 'content')]);
    const report = JSON.parse(checked.out) as { ok: boolean; issues: unknown[]; drafts: unknown[] };
    expect(report.ok).toBe(true);
    expect(report.issues).toEqual([]);
    expect(report.drafts).toHaveLength(1);
  });

  it('builds with no warning, and the draft stays unpublished', { timeout: 600_000 }, async () => {
    const out = join(dir, 'dist');
    const built = await build(join(dir, 'content'), out);
    expect(built.status, built.out).toBe(0);
    expect(built.out).not.toMatch(/warn/i);
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain('Teme Valley Schools');
    expect(readFileSync(join(out, 'schools/ysgol-y-ddol/index.html'), 'utf8')).toContain('Ysgol y Ddôl');
    expect(existsSync(join(out, 'schools/ysgol-y-ddol/why-we-are-writing-in-the-open'))).toBe(false);
  });

  it('makes the same network from piped answers as from flags', () => {
    const piped = fresh('piped');
    const result = npm(['setup', '--', '--content', join(piped, 'content')], typed);
    expect(result.status, result.out).toBe(0);
    expect(snapshot(join(piped, 'content'))).toEqual(snapshot(join(dir, 'content')));
  });

  it('never replaces a network that is not the demo without --force, and --force keeps a copy', () => {
    const before = snapshot(join(dir, 'content'));
    const again = npm(['setup', '--', '--content', join(dir, 'content'), '--yes', ...flags]);
    expect(again.status).toBe(1);
    expect(again.out).toContain('already holds the network "Teme Valley Schools"');
    expect(again.out).toContain('npm run add -- school');
    expect(snapshot(join(dir, 'content'))).toEqual(before);

    const forced = npm([
      'setup',
      '--',
      '--content',
      join(dir, 'content'),
      '--force',
      '--yes',
      ...flags.map((flag) => (flag === 'Teme Valley Schools' ? 'Clun Forest Schools' : flag)),
    ]);
    expect(forced.status, forced.out).toBe(0);
    const backup = readdirSync(dir).find((name) => name.startsWith('content-backup-'));
    expect(backup).toBeDefined();
    expect(forced.out).toContain(backup);
    expect(snapshot(join(dir, backup!))).toEqual(before);
    expect(readFileSync(join(dir, 'content/network.yaml'), 'utf8')).toContain('name: Clun Forest Schools');
  });
});

describe('npm run setup with a family of schools as the first publisher', () => {
  it('makes a network with no school yet that checks and builds with no warning', { timeout: 600_000 }, async () => {
    const dir = fresh('family');
    const made = npm([
      'setup',
      '--',
      '--content',
      join(dir, 'content'),
      '--yes',
      '--name',
      'Marches Learning Network',
      '--site',
      'https://marches.example.org',
      '--publisher',
      'family',
      '--family-name',
      'Marches Learning Trust',
      '--family-kind',
      'Multi-academy trust',
      '--author-name',
      'Dee Morgan',
      '--author-role',
      'Chief executive',
      '--topics',
      'Curriculum',
    ]);
    expect(made.status, made.out).toBe(0);
    expect(made.out).toContain('/families/marches-learning-trust/why-we-are-writing-in-the-open/');
    expect(readFileSync(join(dir, 'content/authors/dee-morgan.yaml'), 'utf8')).toContain(
      'family: marches-learning-trust',
    );
    const checked = JSON.parse(npm(['check', '--', '--json', '--content', join(dir, 'content')]).out) as {
      issues: unknown[];
    };
    expect(checked.issues).toEqual([]);
    const built = await build(join(dir, 'content'), join(dir, 'dist'));
    expect(built.status, built.out).toBe(0);
    expect(built.out).not.toMatch(/warn/i);
    expect(readFileSync(join(dir, 'dist/families/marches-learning-trust/index.html'), 'utf8')).toContain(
      'Marches Learning Trust',
    );
  });

  it('lists every flag with its question', () => {
    const help = npm(['setup', '--', '--help']);
    expect(help.status).toBe(0);
    for (const flag of [
      '--name',
      '--site',
      '--school-phase',
      '--family-kind',
      '--author-email',
      '--topics',
      '--keep-demo',
    ]) {
      expect(help.out).toContain(flag);
    }
  });
});

describe('npm run setup re-asks a bad answer with the reason', () => {
  it('explains an address without https://, an unknown phase and a colour that is not a hex code', () => {
    const dir = fresh('bad-answers');
    const answers = typed
      .replace('https://teme.example.org', 'teme.example.org\nhttp://teme.example.org\nhttps://teme.example.org')
      .replace('\nprimary\n', '\nprimery\n2\n')
      .replace('#1d4e89', 'dark blue\n#1d4e89');
    const result = npm(['setup', '--', '--content', join(dir, 'content')], answers);
    expect(result.status, result.out).toBe(0);
    expect(result.out).toContain('Needs https:// in front: type it in full, e.g. https://teme.example.org');
    expect(result.out).toContain('Starts with http://: use the secure form, https://teme.example.org');
    expect(result.out).toContain('"primery" is not one of the choices (did you mean "primary"?)');
    expect(result.out).toMatch(/"dark blue" must be a hex colour such as "#1d4e89"/);
    expect(result.out.match(/Please try again\./g)).toHaveLength(4);
    const school = readFileSync(join(dir, 'content/schools/ysgol-y-ddol.yaml'), 'utf8');
    expect(school).toContain('phase: primary');
    expect(school).toContain('colour: "#1d4e89"');
  });

  it('stops at a bad flag when it may not ask, naming the flag', () => {
    const dir = fresh('bad-flag');
    const result = npm([
      'setup',
      '--',
      '--content',
      join(dir, 'content'),
      '--yes',
      ...flags.map((flag) => (flag === 'primary' ? 'college' : flag)),
    ]);
    expect(result.status).toBe(1);
    expect(result.out).toContain('--school-phase "college": "college" is not one of the choices');
    expect(existsSync(join(dir, 'content'))).toBe(false);
  });

  it('names the flag for a question piped input did not answer', () => {
    const dir = fresh('short-input');
    const result = npm(['setup', '--', '--content', join(dir, 'content')], 'Teme Valley Schools\n');
    expect(result.status).toBe(1);
    expect(result.out).toContain('pass --site');
    expect(existsSync(join(dir, 'content'))).toBe(false);
  });
});

describe('npm run setup over the demo', () => {
  it('replaces the demo, refuses the demo’s own address, and npm run demo brings the demo back', () => {
    const dir = fresh('demo');
    cpSync(resolve('content'), join(dir, 'content'), { recursive: true });
    const demoAddress = npm([
      'setup',
      '--',
      '--content',
      join(dir, 'content'),
      '--yes',
      ...flags.map((f) => (f === 'https://teme.example.org' ? 'https://commonroom.example.org' : f)),
    ]);
    expect(demoAddress.status).toBe(1);
    expect(demoAddress.out).toContain('that is the demo network’s address');

    const made = npm(['setup', '--', '--content', join(dir, 'content'), '--yes', ...flags]);
    expect(made.status, made.out).toBe(0);
    expect(made.out).toContain('npm run demo brings it back');
    expect(existsSync(join(dir, 'content/posts/castle-fields'))).toBe(false);

    const demo = npm(['demo', '--', '--content', join(dir, 'content')]);
    expect(demo.status, demo.out).toBe(0);
    expect(readFileSync(join(dir, 'demo/network.yaml'), 'utf8')).toContain('Borderlands Commonroom');
    expect(readFileSync(join(dir, 'content/network.yaml'), 'utf8')).toContain('Teme Valley Schools');
  });

  it('npm run demo puts the demo back into an empty content folder, as committed', () => {
    const dir = fresh('demo-empty');
    mkdirSync(join(dir, 'content'));
    const demo = npm(['demo', '--', '--content', join(dir, 'content')]);
    expect(demo.status, demo.out).toBe(0);
    expect(demo.out).toContain('The demo network is back in');
    const committed = spawnSync('git', ['show', 'HEAD:content/network.yaml'], { encoding: 'utf8' }).stdout;
    expect(snapshot(join(dir, 'content'))['network.yaml']).toBe(committed);
    expect(npm(['demo', '--', '--content', join(dir, 'content')]).out).toContain('already holds the demo network');
  });

  it('keeps the demo in demo/ with --keep-demo', () => {
    const dir = fresh('keep-demo');
    cpSync(resolve('content'), join(dir, 'content'), { recursive: true });
    const demo = snapshot(join(dir, 'content'));
    const made = npm(['setup', '--', '--content', join(dir, 'content'), '--keep-demo', '--yes', ...flags]);
    expect(made.status, made.out).toBe(0);
    expect(snapshot(join(dir, 'demo'))).toEqual(demo);
  });
});

describe('npm run add', () => {
  let content: string;
  beforeAll(() => {
    content = join(fresh('add'), 'content');
    const made = npm(['setup', '--', '--content', content, '--yes', ...flags]);
    expect(made.status, made.out).toBe(0);
  }, 60_000);

  it('adds a school from piped answers, with families and expertise chosen by number', () => {
    mkdirSync(join(content, 'families'));
    writeFileSync(
      join(content, 'families/teme-trust.yaml'),
      'name: Teme Trust\nkind: multi-academy-trust\ndescription: A small trust.\n',
      { flag: 'wx' },
    );
    const added = npm(
      ['add', '--', 'school', '--content', content],
      'Ysgol y Ddôl\nBucknell Primary\nprimary\nBucknell\nShropshire\n\nEnglish\n1\n2,3\n',
    );
    expect(added.status, added.out).toBe(0);
    expect(added.out).toContain('There is already a school or family called "ysgol-y-ddol": give a different name');
    const school = readFileSync(join(content, 'schools/bucknell-primary.yaml'), 'utf8');
    expect(school).toContain('families: [teme-trust]');
    expect(school).toContain('expertise: [early-years, leadership]');
    expect(school).not.toContain('lang:');
  });

  it('adds a family and puts its member schools in it, keeping their files as they were', () => {
    const before = readFileSync(join(content, 'schools/ysgol-y-ddol.yaml'), 'utf8');
    const added = npm([
      'add',
      '--',
      'family',
      '--content',
      content,
      '--yes',
      '--name',
      'Clun Valley Cluster',
      '--kind',
      'cluster',
      '--members',
      'ysgol-y-ddol,bucknell-primary',
    ]);
    expect(added.status, added.out).toBe(0);
    expect(readFileSync(join(content, 'schools/ysgol-y-ddol.yaml'), 'utf8')).toBe(
      `${before}families: [clun-valley-cluster]\n`,
    );
    expect(readFileSync(join(content, 'schools/bucknell-primary.yaml'), 'utf8')).toContain(
      'families: [teme-trust, clun-valley-cluster]',
    );
  });

  it('adds an author for a family and a topic, and the network still checks clean', () => {
    const author = npm([
      'add',
      '--',
      'author',
      '--content',
      content,
      '--yes',
      '--name',
      'Owain Price',
      '--role',
      'Cluster lead',
      '--family',
      'clun-valley-cluster',
    ]);
    expect(author.status, author.out).toBe(0);
    const written = readFileSync(join(content, 'authors/owain-price.yaml'), 'utf8');
    expect(written).toContain('family: clun-valley-cluster');
    expect(written).toContain('bio: Owain Price is Cluster lead at Clun Valley Cluster.');
    const topic = npm(['add', '--', 'topic', '--content', content, '--yes', '--name', 'Attendance']);
    expect(topic.status, topic.out).toBe(0);
    expect(readFileSync(join(content, 'topics/attendance.yaml'), 'utf8')).toContain('Getting pupils into school');
    const checked = JSON.parse(npm(['check', '--', '--json', '--content', content]).out) as { issues: unknown[] };
    expect(checked.issues).toEqual([]);
  });

  it('says what can be added when it is not told', () => {
    const result = npm(['add', '--', 'pupil', '--content', content]);
    expect(result.status).toBe(1);
    expect(result.out).toContain('"pupil" is not something to add');
  });
});
