/**
 * `npm run new`: starts a post with valid front matter and a starter body for its kind. Never overwrites.
 * In a terminal it asks for what the flags do not give; in scripts pass everything:
 *   npm run new -- --kind rules-of-thumb --title "Seven rules for reading aloud" --school oak-primary \
 *     --author ann-head --topics reading,wellbeing [--description "…"] [--date 2025-09-01] [--draft] [--content DIR]
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { postKinds, type PostKind } from '../src/schemas/post.ts';
import { didYouMean } from '../src/lib/network/suggest.ts';
import { renderPost, slugOf } from '../src/lib/check/new-post.ts';
import { checkRawDate } from '../src/lib/check/dates.ts';
import { settingsOrExit } from '../src/lib/settings.ts';

const { values } = parseArgs({
  options: {
    kind: { type: 'string' },
    title: { type: 'string' },
    school: { type: 'string' },
    family: { type: 'string' },
    author: { type: 'string', multiple: true },
    authors: { type: 'string', multiple: true },
    topic: { type: 'string', multiple: true },
    topics: { type: 'string', multiple: true },
    description: { type: 'string' },
    date: { type: 'string' },
    draft: { type: 'boolean', default: false },
    content: { type: 'string' },
  },
});

const root = values.content ?? settingsOrExit().contentRoot;
if (!existsSync(join(root, 'network.yaml')) && !existsSync(join(root, 'network.yml'))) {
  fail(`${root}/network.yaml not found: run this in the project folder, or pass --content <folder>`);
}

const idsIn = (folder: string) =>
  existsSync(join(root, folder))
    ? readdirSync(join(root, folder))
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => name.replace(/\.ya?ml$/, ''))
        .sort()
    : [];
const known = {
  schools: idsIn('schools'),
  families: idsIn('families'),
  authors: idsIn('authors'),
  topics: idsIn('topics'),
};
const split = (items: string[] | undefined) =>
  (items ?? []).flatMap((item) => item.split(/[\s,]+/)).filter((item) => item !== '');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Returns an error message when an answer is not acceptable. */
const checks = {
  kind: (value: string) =>
    (postKinds as readonly string[]).includes(value)
      ? undefined
      : `"${value}" is not a kind: use ${postKinds.join(', ')}${didYouMean(value, postKinds)}`,
  title: (value: string) =>
    value.trim() === ''
      ? 'the title is empty'
      : slugOf(value) === ''
        ? 'the title needs some letters or digits to make an address from'
        : undefined,
  publisher: (value: string) =>
    known.schools.includes(value) || known.families.includes(value)
      ? undefined
      : `"${value}" is not a school or family${didYouMean(value, [...known.schools, ...known.families])}.\n` +
        `Schools: ${known.schools.join(', ') || 'none'}\nFamilies: ${known.families.join(', ') || 'none'}`,
  authors: (list: string[]) => {
    if (list.length === 0) return `a post needs at least one author. Authors: ${known.authors.join(', ')}`;
    const bad = list.filter((id) => !known.authors.includes(id));
    return bad.length === 0
      ? undefined
      : bad.map((id) => `"${id}" is not an author${didYouMean(id, known.authors)}`).join('\n') +
          `\nAuthors: ${known.authors.join(', ')}`;
  },
  topics: (list: string[]) => {
    if (list.length === 0) return `a post needs at least one topic. Topics: ${known.topics.join(', ')}`;
    const bad = list.filter((id) => !known.topics.includes(id));
    return bad.length === 0
      ? undefined
      : bad.map((id) => `"${id}" is not a topic${didYouMean(id, known.topics)}`).join('\n') +
          `\nTopics: ${known.topics.join(', ')}`;
  },
  date: (value: string) => checkRawDate(value),
};

const interactive = process.stdin.isTTY && process.stdout.isTTY;
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

/** Takes a flag's value or, in a terminal, asks until the answer is acceptable. */
async function answer<T>(
  given: T | undefined,
  flag: string,
  question: string,
  parse: (text: string) => T,
  check: (value: T) => string | undefined,
): Promise<T> {
  if (given !== undefined) {
    const problem = check(given);
    if (problem) fail(problem);
    return given;
  }
  if (!rl) fail(`--${flag} is missing (run "npm run new" in a terminal to be asked, or pass --${flag})`);
  for (;;) {
    const value = parse((await rl.question(question)).trim());
    const problem = check(value);
    if (!problem) return value;
    console.log(problem);
  }
}

const kind = (await answer(
  values.kind,
  'kind',
  `Kind (${postKinds.map((kind, i) => `${i + 1} ${kind}`).join(', ')}): `,
  (text) => postKinds[Number(text) - 1] ?? text,
  checks.kind,
)) as PostKind;
const title = await answer(values.title, 'title', 'Title: ', (text) => text, checks.title);
const publisher = await answer(
  values.school ?? values.family,
  'school',
  `School or family publishing it (${[...known.schools, ...known.families].join(', ')}): `,
  (text) => text,
  checks.publisher,
);
const givenAuthors = split([...(values.author ?? []), ...(values.authors ?? [])]);
const authors = await answer(
  givenAuthors.length ? givenAuthors : undefined,
  'author',
  `Author id(s), comma-separated (${known.authors.join(', ')}): `,
  (text) => split([text]),
  checks.authors,
);
const givenTopics = split([...(values.topic ?? []), ...(values.topics ?? [])]);
const topics = await answer(
  givenTopics.length ? givenTopics : undefined,
  'topics',
  `Topic id(s), comma-separated (${known.topics.join(', ')}): `,
  (text) => split([text]),
  checks.topics,
);
let description = values.description;
if (description === undefined && rl) {
  description =
    (await rl.question('Description, one or two sentences (Enter to write it later): ')).trim() || undefined;
}
rl?.close();
const date = values.date ?? new Date().toLocaleDateString('en-CA');
const dateProblem = checks.date(date);
if (dateProblem) fail(`--date: ${dateProblem}`);

const slug = slugOf(title);
const folder = join(root, 'posts', publisher);
const existing = ['.md', '.mdx'].map((ext) => join(folder, `${slug}${ext}`)).find((path) => existsSync(path));
if (existing) fail(`${relative('.', existing)} already exists: choose another title, or edit that post.`);

const file = join(folder, `${slug}.mdx`);
mkdirSync(folder, { recursive: true });
writeFileSync(
  file,
  renderPost({ kind, title, date, authors, topics, draft: values.draft, ...(description ? { description } : {}) }),
  { flag: 'wx' },
);
const section = known.schools.includes(publisher) ? 'schools' : 'families';
console.log(`Created ${relative('.', file)}`);
console.log(`Preview: http://localhost:4321/${section}/${publisher}/${slug}/ (run npm run dev)`);
