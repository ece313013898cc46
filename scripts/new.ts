/**
 * `npm run new`: starts a post with valid front matter and a starter body for its kind. Never overwrites.
 * In a terminal it asks for what the flags do not give; in scripts pass everything:
 *   npm run new -- --kind rules-of-thumb --title "Seven rules for reading aloud" --school "Oak Primary" \
 *     --author "Ann Head" --topics reading,wellbeing [--description "…"] [--date 2025-09-01] [--ready] [--mdx]
 * Schools, families, authors, topics and kinds may be given by id or by name, in any case. A post is a draft
 * unless `--ready` (or the answer "ready") says otherwise; it is plain Markdown (`.md`) unless `--mdx` asks for MDX.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { postKinds, type PostKind } from '../src/schemas/post.ts';
import { didYouMean } from '../src/lib/network/suggest.ts';
import {
  flagHelp,
  newPostFlags,
  NEW_POST_USAGE,
  renderPost,
  resolveChoice,
  slugOf,
  type Choice,
} from '../src/lib/check/new-post.ts';
import { checkRawDate } from '../src/lib/check/dates.ts';
import { settingsOrExit } from '../src/lib/settings.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values: ReturnType<typeof parseArgs<{ options: typeof newPostFlags }>>['values'];
try {
  ({ values } = parseArgs({ options: newPostFlags }));
} catch (error) {
  fail(flagHelp(error instanceof Error ? error.message : String(error), process.argv.slice(2)));
}
if (values.help) {
  console.log(NEW_POST_USAGE);
  process.exit(0);
}
if (values.draft && values.ready) fail('--draft and --ready contradict each other: give one of them.');

const root = values.content ?? settingsOrExit().contentRoot;
if (!existsSync(join(root, 'network.yaml')) && !existsSync(join(root, 'network.yml'))) {
  fail(`${root}/network.yaml not found: run this in the project folder, or pass --content <folder>`);
}

/** Each `.yaml` of a folder as a choice, with its name and the fields it is looked up by. */
function choicesIn(folder: string): (Choice & { school?: string; family?: string })[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const id = name.replace(/\.ya?ml$/, '');
      let data: Record<string, unknown> = {};
      try {
        const parsed: unknown = parse(readFileSync(join(dir, name), 'utf8'));
        if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
      } catch {
        // A file with mistakes is still a choice by its id; `npm run check` names the mistakes.
      }
      const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
      const aliases = [text('shortName')].filter((alias) => alias !== undefined);
      return {
        id,
        name: text('name') ?? id,
        aliases,
        ...(text('school') ? { school: text('school')! } : {}),
        ...(text('family') ? { family: text('family')! } : {}),
      };
    });
}

const known = {
  schools: choicesIn('schools'),
  families: choicesIn('families'),
  authors: choicesIn('authors'),
  topics: choicesIn('topics'),
};
const kinds: Choice[] = postKinds.map((kind) => ({ id: kind, name: kind.replace(/-/g, ' ') }));
const listOf = (choices: readonly Choice[]) =>
  choices.map((choice) => (choice.name === choice.id ? choice.id : `${choice.name} (${choice.id})`)).join(', ');
const split = (items: readonly string[] | undefined) =>
  (items ?? []).flatMap((item) => item.split(/\s*,\s*/)).filter((item) => item.trim() !== '');

/** Resolves each name or id, or says which are unknown and what there is. */
function pick(names: string[], choices: readonly Choice[], what: string): { ids?: string[]; problem?: string } {
  if (names.length === 0) return { problem: `a post needs at least one ${what}. ${what}s: ${listOf(choices)}` };
  const found = names.map((name) => ({ name, choice: resolveChoice(name, choices) }));
  const missing = found.filter((entry) => !entry.choice);
  if (missing.length === 0) return { ids: [...new Set(found.map((entry) => entry.choice!.id))] };
  const ids = choices.map((choice) => choice.id);
  return {
    problem:
      missing
        .map(
          ({ name }) =>
            `"${name}" is not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}${didYouMean(slugOf(name), ids)}`,
        )
        .join('\n') + `\n${what[0]!.toUpperCase()}${what.slice(1)}s: ${listOf(choices)}`,
  };
}

const interactive = process.stdin.isTTY && process.stdout.isTTY;
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

/** Takes a flag's value or, in a terminal, asks until the answer is acceptable. */
async function answer<T>(
  given: string | undefined,
  flag: string,
  question: string,
  read: (text: string) => { value?: T; problem?: string },
): Promise<T> {
  if (given !== undefined) {
    const { value, problem } = read(given);
    if (problem !== undefined || value === undefined) fail(problem ?? `--${flag} is not right`);
    return value;
  }
  if (!rl) {
    fail(
      `--${flag} is missing: run "npm run new" in a terminal to be asked, or pass it ` +
        `(after "--", which npm needs before the flags: npm run new -- --${flag} …)`,
    );
  }
  for (;;) {
    const { value, problem } = read((await rl.question(question)).trim());
    if (problem === undefined && value !== undefined) return value;
    console.log(problem);
  }
}

const kind = await answer<PostKind>(
  values.kind,
  'kind',
  `Kind (${kinds.map((choice, i) => `${i + 1} ${choice.name}`).join(', ')}): `,
  (text) => {
    const choice = kinds[Number(text) - 1] ?? resolveChoice(text, kinds);
    return choice
      ? { value: choice.id as PostKind }
      : { problem: `"${text}" is not a kind: use ${postKinds.join(', ')}${didYouMean(slugOf(text), postKinds)}` };
  },
);
const title = await answer(values.title, 'title', 'Title: ', (text) =>
  text.trim() === ''
    ? { problem: 'the title is empty' }
    : slugOf(text) === ''
      ? { problem: 'the title needs some letters or digits to make an address from' }
      : { value: text.trim() },
);
const publishers = [...known.schools, ...known.families];
const publisher = await answer(
  values.school ?? values.family,
  'school',
  `School or family publishing it (${listOf(publishers)}): `,
  (text) => {
    const choice = resolveChoice(text, publishers);
    return choice
      ? { value: choice.id }
      : {
          problem:
            `"${text}" is not a school or family${didYouMean(
              slugOf(text),
              publishers.map((p) => p.id),
            )}.\n` + `Schools: ${listOf(known.schools) || 'none'}\nFamilies: ${listOf(known.families) || 'none'}`,
        };
  },
);
// The publisher's own people first: they are who usually writes for it.
const authorChoices = [
  ...known.authors.filter((author) => author.school === publisher || author.family === publisher),
  ...known.authors.filter((author) => author.school !== publisher && author.family !== publisher),
];
const givenAuthors = split([...(values.author ?? []), ...(values.authors ?? [])]);
const authors = await answer(
  givenAuthors.length ? givenAuthors.join(',') : undefined,
  'author',
  `Author(s), comma-separated (${listOf(authorChoices)}): `,
  (text) => {
    const { ids, problem } = pick(split([text]), authorChoices, 'author');
    return ids ? { value: ids } : { problem: problem! };
  },
);
const givenTopics = split([...(values.topic ?? []), ...(values.topics ?? [])]);
const topics = await answer(
  givenTopics.length ? givenTopics.join(',') : undefined,
  'topics',
  `Topic(s), comma-separated (${listOf(known.topics)}): `,
  (text) => {
    const { ids, problem } = pick(split([text]), known.topics, 'topic');
    return ids ? { value: ids } : { problem: problem! };
  },
);
let description = values.description;
if (description === undefined && rl) {
  description =
    (await rl.question('Description, one or two sentences (Enter to write it later): ')).trim() || undefined;
}
let draft = values.ready ? false : values.draft ? true : undefined;
if (draft === undefined && rl) {
  const reply = (await rl.question('Draft or ready to publish? [draft]: ')).trim().toLowerCase();
  draft = !/^(r|ready|p|publish)/.test(reply);
}
draft ??= true;
rl?.close();
const date = values.date ?? new Date().toLocaleDateString('en-CA');
const dateProblem = checkRawDate(date);
if (dateProblem) fail(`--date: ${dateProblem}`);

const slug = slugOf(title);
const folder = join(root, 'posts', publisher);
const existing = ['.md', '.mdx'].map((ext) => join(folder, `${slug}${ext}`)).find((path) => existsSync(path));
if (existing) fail(`${relative('.', existing)} already exists: choose another title, or edit that post.`);

// Plain Markdown forgives what MDX does not (`<`, `{`, HTML comments); MDX is for posts that use components.
const file = join(folder, `${slug}${values.mdx ? '.mdx' : '.md'}`);
mkdirSync(folder, { recursive: true });
writeFileSync(
  file,
  renderPost({ kind, title, date, authors, topics, draft, ...(description ? { description } : {}) }),
  { flag: 'wx' },
);
const section = known.schools.some((school) => school.id === publisher) ? 'schools' : 'families';
console.log(`Created ${relative('.', file)}${draft ? ' as a draft' : ''}`);
console.log(`Preview: http://localhost:4321/${section}/${publisher}/${slug}/ (run npm run dev)`);
console.log(
  draft
    ? 'Replace the starter text, then change "draft: true" to "draft: false" when it is ready; npm run check says what is left.'
    : 'Replace the starter text before you publish: npm run check names any that is left.',
);
