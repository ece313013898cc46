/**
 * `npm run add -- school|family|author|topic`: adds one to the network without writing YAML by hand, with the
 * questions and checks of `npm run setup`. Every question has a flag (`npm run add -- school --help`), answers can
 * be piped in one a line, and nothing that exists is overwritten.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { checkContent } from '../src/lib/check/check-content.ts';
import { formatIssue } from '../src/lib/content-issue.ts';
import { settingsOrExit } from '../src/lib/settings.ts';
import { ask, NoAnswer } from '../src/lib/setup/ask.ts';
import { readExisting } from '../src/lib/setup/existing.ts';
import {
  authorFile,
  familyFile,
  schoolFile,
  topicFile,
  withFamily,
  type Named,
  type PlannedFile,
} from '../src/lib/setup/files.ts';
import { readFlags } from '../src/lib/setup/flags.ts';
import {
  authorQuestions,
  familyQuestions,
  schoolQuestions,
  topicQuestions,
  type Answers,
  type Question,
} from '../src/lib/setup/questions.ts';
import type { FamilyKind } from '../src/schemas/family.ts';
import type { Phase } from '../src/schemas/school.ts';

const kinds = ['school', 'family', 'author', 'topic'] as const;
type Kind = (typeof kinds)[number];

const args = process.argv.slice(2);
const kind = args[0] as Kind | undefined;
if (!kind || !kinds.includes(kind)) {
  fail(
    `${kind && !kind.startsWith('-') ? `"${kind}" is not something to add. ` : ''}` +
      'Say what to add: npm run add -- school, npm run add -- family, npm run add -- author or npm run add -- topic.',
  );
}

let flags;
try {
  // The questions depend on what exists, so flags are read twice: first for --content, then for the answers.
  const every = [
    ...schoolQuestions(readExisting(''), '', true),
    ...familyQuestions(readExisting(''), '', true),
    ...authorQuestions(readExisting(''), '', true),
    ...topicQuestions(readExisting('')),
  ];
  flags = readFlags(
    args.slice(1),
    ['families', 'expertise', 'members', 'for', ...every.map((q) => q.key)],
    ['content', 'school', 'family'],
    {
      yes: 'y',
      help: 'h',
    },
  );
  if (flags.positionals.length > 0) throw new Error(`"${flags.positionals[0]}" is not a flag`);
} catch (error) {
  fail(`${(error as Error).message}\nRun npm run add -- ${kind} --help to see every flag.`);
}

flags.answers.for ??= flags.strings.school ?? flags.strings.family;
const root = flags.strings.content ?? settingsOrExit().contentRoot;
const shown = (path: string) => relative(process.cwd(), path) || '.';
if (!existsSync(join(root, 'network.yaml'))) {
  fail(`${shown(join(root, 'network.yaml'))} not found: run npm run setup first, or pass --content <folder>.`);
}
const existing = readExisting(root);
const questions: Record<Kind, Question[]> = {
  school: schoolQuestions(existing, '', true),
  family: familyQuestions(existing, '', true),
  author: authorQuestions(existing, '', true),
  topic: topicQuestions(existing),
};

if (flags.switches.help) {
  console.log(`npm run add -- ${kind} [flags]\n\nQuestions not answered by a flag are asked in this order:\n`);
  for (const question of questions[kind]) {
    const choices = question.choices ? ` (${question.choices.map((choice) => choice.value).join(', ')})` : '';
    console.log(`  --${question.key.padEnd(12)} ${question.prompt}${choices}`);
  }
  console.log('\n  --yes, -y      ask nothing: take the suggested answer wherever there is one');
  console.log('  --content DIR  add to a content folder other than content/');
  process.exit(0);
}

let answers: Answers;
try {
  answers = await ask(questions[kind], {
    flags: flags.answers,
    noInput: flags.switches.yes!,
    input: process.stdin,
    output: process.stdout,
    command: `npm run add -- ${kind}`,
  });
} catch (error) {
  if (error instanceof NoAnswer) fail(error.message);
  throw error;
}

const named = answers.name as Named;
const list = (key: string) => (answers[key] as string[] | undefined) ?? [];
const written: PlannedFile[] = [];
const changed: string[] = [];
if (kind === 'school') {
  written.push(
    schoolFile({
      ...named,
      phase: answers.phase as Phase,
      town: answers.town as string,
      region: answers.region as string,
      colour: answers.colour as string,
      ...(answers.lang !== existing.lang ? { lang: answers.lang as string } : {}),
      families: list('families'),
      expertise: list('expertise'),
    }),
  );
} else if (kind === 'family') {
  written.push(
    familyFile({
      ...named,
      kind: answers.kind as FamilyKind,
      description: answers.description as string,
      colour: answers.colour as string,
    }),
  );
  changed.push(...list('members').map((school) => `schools/${school}.yaml`));
} else if (kind === 'author') {
  const place = answers.for as string | undefined;
  const isFamily = place !== undefined && existing.families.some((family) => family.value === place);
  written.push(
    authorFile({
      ...named,
      role: answers.role as string,
      bio: answers.bio as string,
      ...(answers.email ? { email: answers.email as string } : {}),
      ...(place ? (isFamily ? { family: place } : { school: place }) : {}),
    }),
  );
} else {
  written.push(topicFile({ ...named, description: answers.description as string }));
}

for (const file of written) {
  const path = join(root, file.path);
  if (existsSync(path)) fail(`${shown(path)} already exists: nothing was changed.`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.text, { flag: 'wx' });
  console.log(`\nAdded ${shown(path)}`);
}
for (const file of changed) {
  const path = join(root, file);
  writeFileSync(path, withFamily(readFileSync(path, 'utf8'), named.id));
  console.log(`Added ${named.id} to the families of ${shown(path)}`);
}

const touched = new Set([...written.map((file) => file.path), ...changed].map((file) => shown(join(root, file))));
const problems = (await checkContent({ root })).issues.filter((issue) => touched.has(issue.file));
for (const issue of problems) console.error(formatIssue(issue));
if (problems.some((issue) => issue.severity === 'error')) process.exit(1);

const next: Record<Kind, string> = {
  school: `Its posts go in ${shown(join(root, 'posts', named.id))}/: npm run new -- --school ${named.id} starts one.`,
  family: `Posts from the family itself go in ${shown(join(root, 'posts', named.id))}/; its schools' posts are shared with it.`,
  author: `Name them in a post's authors: [${named.id}], or npm run new -- --author ${named.id}.`,
  topic: `Name it in a post's topics: [${named.id}].`,
};
console.log(next[kind]);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
