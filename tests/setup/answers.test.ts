import { describe, expect, it } from 'vitest';
import { address, choice, colour, emailAddress, name, pick, topicNames } from '../../src/lib/setup/answers.ts';
import { networkIdentity } from '../../src/lib/setup/demo.ts';
import { firstPostFile, schoolFile, withFamily } from '../../src/lib/setup/files.ts';
import { nextStepAfterBuild } from '../../src/lib/setup/next-step.ts';
import { phaseChoices } from '../../src/lib/setup/questions.ts';

describe('answers', () => {
  it('takes a full https address and drops a trailing slash', () => {
    expect(address('https://schools.example.org/')).toEqual({ ok: true, value: 'https://schools.example.org' });
  });
  it.each([
    ['schools.example.org', 'needs https:// in front: type it in full, e.g. https://schools.example.org'],
    ['http://schools.example.org', 'starts with http://: use the secure form, https://schools.example.org'],
    ['https://localhost', 'is not a full web address'],
    ['', 'type the web address'],
  ])('refuses the address %j with the reason', (text, reason) => {
    const parsed = address(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(reason);
  });

  it('accepts colours as #rrggbb, rrggbb or #rgb', () => {
    expect(colour('#1D4E89')).toEqual({ ok: true, value: '#1d4e89' });
    expect(colour('1d4e89')).toEqual({ ok: true, value: '#1d4e89' });
    expect(colour('#14b')).toEqual({ ok: true, value: '#1144bb' });
  });
  it('accepts a pale colour: it is shown as declared, with dark text on it', () => {
    expect(colour('#ffff66')).toEqual({ ok: true, value: '#ffff66' });
    expect(colour('#f2c94c')).toEqual({ ok: true, value: '#f2c94c' });
  });
  it('refuses something that is not a colour with the schema’s own words', () => {
    const parsed = colour('navy');
    expect(!parsed.ok && parsed.reason).toBe('"navy" must be a hex colour such as "#1d4e89", in quotes');
  });

  it('takes a choice by number, value or label, and suggests the nearest for a typo', () => {
    expect(choice('6', phaseChoices)).toEqual({ ok: true, value: 'post-16' });
    expect(choice('Secondary', phaseChoices)).toEqual({ ok: true, value: 'secondary' });
    expect(choice('all-through', phaseChoices)).toEqual({ ok: true, value: 'all-through' });
    const typo = choice('secondry', phaseChoices);
    expect(!typo.ok && typo.reason).toContain('(did you mean "secondary"?)');
    expect(!typo.ok && typo.reason).toContain('type a number from 1 to 6');
    expect(choice('7', phaseChoices).ok).toBe(false);
  });

  it('makes ids from names with the project’s slugify, Welsh letters included, and refuses one already taken', () => {
    expect(name('Ysgol Gynradd Ŵyr')).toEqual({
      ok: true,
      value: { name: 'Ysgol Gynradd Ŵyr', id: 'ysgol-gynradd-wyr' },
    });
    const taken = name('Oak Primary', ['oak-primary'], 'a school');
    expect(!taken.ok && taken.reason).toBe('there is already a school called "oak-primary": give a different name');
    expect(name('!!!').ok).toBe(false);
  });

  it('reads topics separated by commas, each once', () => {
    expect(topicNames('leadership, SEND ,  early years')).toEqual({
      ok: true,
      value: [
        { name: 'Leadership', id: 'leadership' },
        { name: 'SEND', id: 'send' },
        { name: 'Early years', id: 'early-years' },
      ],
    });
    expect(topicNames('Leadership, leadership').ok).toBe(false);
    expect(topicNames(' , ').ok).toBe(false);
  });

  it('picks several by number or id, and none from an empty answer', () => {
    const known = [
      { value: 'oak', label: 'Oak' },
      { value: 'elm', label: 'Elm' },
    ];
    expect(pick('2, oak', known, 'a school')).toEqual({ ok: true, value: ['elm', 'oak'] });
    expect(pick('', known, 'a school')).toEqual({ ok: true, value: [] });
    expect(pick('ash', known, 'a school').ok).toBe(false);
  });

  it('checks email addresses with the schema', () => {
    expect(emailAddress('head@oak.example.sch.uk').ok).toBe(true);
    expect(emailAddress('head at oak').ok).toBe(false);
  });
});

describe('files', () => {
  it('will not write a school the schema refuses', () => {
    expect(() =>
      schoolFile({ name: 'Oak', id: 'oak', phase: 'college' as 'primary', town: 'A', region: 'B', colour: '#1d4e89' }),
    ).toThrow();
  });

  it('adds a family to a school’s list, keeping its comments and other lines', () => {
    const school = '# Our school\nname: Oak\nfamilies: [river-trust] # since 2020\ncolour: "#1d4e89"\n';
    expect(withFamily(school, 'hill-cluster')).toBe(
      '# Our school\nname: Oak\nfamilies: [river-trust, hill-cluster] # since 2020\ncolour: "#1d4e89"\n',
    );
    expect(withFamily(school, 'river-trust')).toBe(school);
    expect(withFamily('name: Elm\n', 'hill-cluster')).toBe('name: Elm\nfamilies: [hill-cluster]\n');
  });

  it('writes a first post that is a draft, with a description long enough for cards', () => {
    const post = firstPostFile({
      title: 'Why we are writing: "in the open"',
      publisher: { name: 'Oak', id: 'oak' },
      network: 'Teme Valley Schools',
      author: 'ann-lee',
      topics: ['leadership'],
      date: '2026-11-30',
    });
    expect(post.path).toBe('posts/oak/why-we-are-writing-in-the-open.mdx');
    expect(post.text).toContain('title: \'Why we are writing: "in the open"\'');
    expect(post.text).toContain('draft: true');
    const description = /description: (.*)/.exec(post.text)![1]!;
    expect(description.length).toBeGreaterThanOrEqual(50);
    expect(description.length).toBeLessThanOrEqual(300);
  });
});

describe('demo and next step', () => {
  it('knows the demo by its address, and anything else by its name', () => {
    expect(networkIdentity('name: Borderlands Commonroom\nsite: https://commonroom.example.org/\n').demo).toBe(true);
    expect(networkIdentity('name: Borderlands Commonroom\nsite: https://ours.example.org\n')).toEqual({
      demo: false,
      name: 'Borderlands Commonroom',
    });
    expect(networkIdentity('name: [unclosed').demo).toBe(false);
  });

  it('tells a first build what to do next, under a sub-path too', () => {
    expect(nextStepAfterBuild()).toBe('Next: run npm run preview, then open http://localhost:4321/ to see the site.');
    expect(nextStepAfterBuild('/commonroom/')).toContain('http://localhost:4321/commonroom/');
  });
});
