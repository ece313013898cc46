/**
 * `npm run setup`: replaces the demo network with the start of your own, asking in plain words for what it needs.
 * Every question has a flag (see --help), answers can be piped in one a line, and a network that is not the demo is
 * never replaced without --force (and even then it is moved aside, not deleted).
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { checkContent } from '../src/lib/check/check-content.ts';
import { formatIssue } from '../src/lib/content-issue.ts';
import { settingsOrExit } from '../src/lib/settings.ts';
import { ask, NoAnswer } from '../src/lib/setup/ask.ts';
import { contentState } from '../src/lib/setup/demo.ts';
import {
  authorFile,
  familyFile,
  firstPostFile,
  networkFile,
  schoolFile,
  topicFile,
  type Named,
  type PlannedFile,
} from '../src/lib/setup/files.ts';
import { readFlags, type Flags } from '../src/lib/setup/flags.ts';
import { setupDoneLines } from '../src/lib/setup/next-step.ts';
import {
  authorQuestions,
  emptyNetwork,
  familyQuestions,
  networkQuestions,
  postQuestion,
  publisherQuestion,
  schemaLang,
  schoolQuestions,
  topicDescription,
  topicsQuestion,
  type Question,
} from '../src/lib/setup/questions.ts';
import type { FamilyKind } from '../src/schemas/family.ts';
import type { Phase } from '../src/schemas/school.ts';

const all: Question[] = [
  ...networkQuestions(),
  publisherQuestion(),
  ...schoolQuestions(emptyNetwork, 'school-'),
  ...familyQuestions(emptyNetwork, 'family-'),
  ...authorQuestions(emptyNetwork, 'author-'),
  topicsQuestion(),
  postQuestion(),
];

const { answers: flags, strings, switches } = parseOrExit();
if (switches.help) {
  console.log(help());
  process.exit(0);
}

const content = strings.content ?? settingsOrExit().contentRoot;
const shown = relative(process.cwd(), content) || '.';
const state = contentState(content);
const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
const backup = join(dirname(content), `${basename(content)}-backup-${stamp}`);
const demoCopy = join(dirname(content), 'demo');

if ((state.kind === 'network' || state.kind === 'unknown') && !switches.force) {
  const what = state.kind === 'network' ? `the network "${state.name}"` : 'files that are not the demo';
  fail(
    `${shown}/ already holds ${what}, so setup has stopped rather than replace it.\n` +
      '  To add a school, family, author or topic to it: npm run add -- school (or family, author, topic)\n' +
      `  To start again anyway: npm run setup -- --force (${shown}/ is moved to ${basename(backup)}/ first, not deleted)`,
  );
}
if (switches['keep-demo'] && state.kind === 'demo' && existsSync(demoCopy) && contentState(demoCopy).kind !== 'demo') {
  fail(
    `--keep-demo would put the demo in ${relative(process.cwd(), demoCopy)}/, but that folder holds something else.`,
  );
}

const io = {
  flags,
  noInput: switches.yes!,
  input: process.stdin,
  output: process.stdout,
  command: 'npm run setup',
};

if (!switches.yes) {
  console.log(
    state.kind === 'demo'
      ? `Setting up your own network. It replaces the demo network in ${shown}/ (npm run demo brings the demo back).`
      : `Setting up your own network in ${shown}/.`,
  );
  console.log('Answer each question and press Enter. Every answer can be changed later.');
}

let answers: Record<string, unknown>;
try {
  answers = await ask(all, io);
} catch (error) {
  if (error instanceof NoAnswer) fail(error.message);
  throw error;
}

const lang = schemaLang(answers.lang as string);
const isSchool = answers.publisher === 'school';
const publisher = answers[isSchool ? 'school-name' : 'family-name'] as Named;
const author = answers['author-name'] as Named;
const topics = answers.topics as Named[];
const date = new Date().toLocaleDateString('en-CA');
const files: PlannedFile[] = [
  networkFile({
    name: answers.name as string,
    site: answers.site as string,
    lang,
    tagline: answers.tagline as string,
    description: answers.description as string,
    ...(answers.contact ? { contact: answers.contact as string } : {}),
  }),
  isSchool
    ? schoolFile({
        ...publisher,
        phase: answers['school-phase'] as Phase,
        town: answers['school-town'] as string,
        region: answers['school-region'] as string,
        colour: answers['school-colour'] as string,
        ...(answers['school-lang'] !== lang ? { lang: answers['school-lang'] as string } : {}),
      })
    : familyFile({
        ...publisher,
        kind: answers['family-kind'] as FamilyKind,
        description: answers['family-description'] as string,
        colour: answers['family-colour'] as string,
      }),
  authorFile({
    ...author,
    role: answers['author-role'] as string,
    bio: answers['author-bio'] as string,
    ...(answers['author-email'] ? { email: answers['author-email'] as string } : {}),
    ...(isSchool ? { school: publisher.id } : { family: publisher.id }),
  }),
  ...topics.map((topic) => topicFile({ ...topic, description: topicDescription(topic) })),
  firstPostFile({
    title: (answers['post-title'] as Named).name,
    publisher,
    network: answers.name as string,
    author: author.id,
    topics: topics.map((topic) => topic.id),
    date,
  }),
];

// The new network is written beside the old one and checked before anything is moved, so a failure leaves the
// content folder as it was.
const staging = join(dirname(content), `.${basename(content)}-setup-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
for (const file of files) {
  mkdirSync(dirname(join(staging, file.path)), { recursive: true });
  writeFileSync(join(staging, file.path), file.text, { flag: 'wx' });
}
const checked = await checkContent({ root: staging, now: new Date(`${date}T12:00:00`) });
if (checked.issues.length > 0) {
  rmSync(staging, { recursive: true, force: true });
  fail(
    'Setup made files that do not pass the content check, so nothing was changed. Please report this:\n' +
      checked.issues.map((issue) => `  ${formatIssue(issue)}`).join('\n'),
  );
}

let before: string | undefined;
if (state.kind === 'demo') {
  if (switches['keep-demo']) {
    rmSync(demoCopy, { recursive: true, force: true });
    renameSync(content, demoCopy);
    before =
      `The demo network is kept in ${relative(process.cwd(), demoCopy)}/: ` +
      `COMMONROOM_CONTENT=${relative(process.cwd(), demoCopy)} npm run build builds it.`;
  } else {
    rmSync(content, { recursive: true, force: true });
    before = 'The demo network was removed; npm run demo brings it back whenever you want to look at it.';
  }
} else if (state.kind === 'network' || state.kind === 'unknown') {
  renameSync(content, backup);
  before = `What was in ${shown}/ before is in ${relative(process.cwd(), backup)}/.`;
} else if (state.kind === 'empty') {
  rmSync(content, { recursive: true, force: true });
}
renameSync(staging, content);

const post = files.at(-1)!.path;
const slug = basename(post).replace(/\.mdx$/, '');
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
console.log(
  setupDoneLines({
    content: shown,
    network: answers.name as string,
    counts: `${isSchool ? '1 school' : '1 family of schools'}, 1 author and ${count(topics.length, 'topic', 'topics')}`,
    post: join(shown, post),
    preview: `http://localhost:4321/${isSchool ? 'schools' : 'families'}/${publisher.id}/${slug}/`,
    ...(before ? { before } : {}),
  }).join('\n'),
);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseOrExit(): Flags {
  try {
    const flags = readFlags(process.argv.slice(2), [...new Set(all.map((question) => question.key))], ['content'], {
      force: undefined,
      'keep-demo': undefined,
      yes: 'y',
      help: 'h',
    });
    if (flags.positionals.length > 0) throw new Error(`"${flags.positionals[0]}" is not a flag`);
    return flags;
  } catch (error) {
    fail(`${(error as Error).message}\nRun npm run setup -- --help to see every flag.`);
  }
}

function help(): string {
  const seen = new Set<string>();
  const lines = all
    .filter((question) => !seen.has(question.key) && seen.add(question.key))
    .map((question) => {
      const choices = question.choices ? ` (${question.choices.map((choice) => choice.value).join(', ')})` : '';
      return `  --${question.key.padEnd(20)} ${question.prompt}${choices}`;
    });
  return [
    'npm run setup -- [flags]',
    '',
    'Replaces the demo network in content/ with the start of your own: the network, its first school or family,',
    'the first author, two or three topics and a draft first post. Questions not answered by a flag are asked,',
    'in this order, one answer a line (answers can be piped in).',
    '',
    ...lines,
    '',
    ...[
      ['--keep-demo', 'keep the demo network in demo/ instead of removing it'],
      ['--force', 'replace a network that is not the demo (it is moved aside, not deleted)'],
      ['--yes, -y', 'ask nothing: take the suggested answer wherever there is one'],
      ['--content DIR', 'set up a content folder other than content/'],
    ].map(([flag, what]) => `  ${flag!.padEnd(22)} ${what}`),
    '',
    'The --school-… questions are asked when the first post comes from a school, --family-… when from a family.',
  ].join('\n');
}
