import slugify from '@sindresorhus/slugify';
import { stringify } from 'yaml';
import type { PostKind } from '../../schemas/post.ts';
import { didYouMean } from '../network/suggest.ts';

export interface NewPost {
  kind: PostKind;
  title: string;
  description?: string;
  /** `YYYY-MM-DD` */
  date: string;
  authors: string[];
  topics: string[];
  draft?: boolean;
}

/** The file name of a post from its title: accents and Welsh letters transliterated (ŵ → w, ŷ → y). */
export function slugOf(title: string): string {
  return slugify(title);
}

const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();
const list = (values: readonly string[]) => `[${values.join(', ')}]`;

const starters: Record<PostKind, { front: string; body: string }> = {
  reflection: {
    front: '',
    body: `Start with the moment that made you think: a lesson, a conversation, a number that surprised you.

## What we noticed

Say what you saw, in plain words. Readers are colleagues in other schools.

## What we are trying now

What you changed, and what you are still unsure about.
`,
  },
  'case-study': {
    front: `caseStudy:
  setting: Describe the school in a line, e.g. two-form entry primary, 38% pupil premium
  period: September 2024 – July 2025
  partners: []
  focus: The one thing this work set out to change
  outcomes:
    - What changed, with a number where you have one
  evidence: []
`,
    body: `## The problem

What was not working, and how you knew.

## What we did

The steps, in order, with what they cost in time and money.

## What happened

The outcomes, honestly: what worked, what did not.

## What we would do differently

What you would tell a school starting this tomorrow.
`,
  },
  'rules-of-thumb': {
    front: '',
    body: `One or two sentences on where these rules come from.

1. **Rule.** Why it matters, in a sentence or two.
2. **Rule.** Why it matters, in a sentence or two.
3. **Rule.** Why it matters, in a sentence or two.
`,
  },
};

const DEFAULT_DESCRIPTION =
  'One or two sentences saying what the post is about: they appear on cards, in feeds and in search results.';

/** Phrases of the starter texts that only make sense as instructions: a post still holding one is not finished. */
export const placeholders = [
  DEFAULT_DESCRIPTION,
  'Start with the moment that made you think',
  'Say what you saw, in plain words.',
  'What you changed, and what you are still unsure about.',
  'Describe the school in a line',
  'The one thing this work set out to change',
  'What changed, with a number where you have one',
  'What was not working, and how you knew.',
  'The steps, in order, with what they cost',
  'The outcomes, honestly',
  'What you would tell a school starting this tomorrow.',
  'One or two sentences on where these rules come from.',
  '**Rule.** Why it matters',
] as const;

/** The starter phrases a post still holds. */
export function placeholdersIn(text: string): string[] {
  return placeholders.filter((phrase) => text.includes(phrase));
}

/** The text of a new post: valid front matter for its kind and a starter body. */
export function renderPost(post: NewPost): string {
  const description = post.description ?? DEFAULT_DESCRIPTION;
  return `---
title: ${scalar(post.title)}
description: ${scalar(description)}
date: ${post.date}
authors: ${list(post.authors)}
kind: ${post.kind}
topics: ${list(post.topics)}
${starters[post.kind].front}${post.draft ? 'draft: true\n' : ''}---

${starters[post.kind].body}`;
}

/** Something a writer can name when starting a post: a school, family, author, topic or kind. */
export interface Choice {
  id: string;
  name: string;
  /** Other names it goes by, e.g. a school's short name. */
  aliases?: readonly string[];
}

const loose = (text: string) => slugify(text.replace(/[“”‘’"']/g, ''));

/**
 * The choice a writer means by `input`, written as its id or its name in any case ("Onny Vale School",
 * "leanne cartwright", "SEND", "Rules of thumb"); undefined when nothing matches.
 */
export function resolveChoice(input: string, choices: readonly Choice[]): Choice | undefined {
  const wanted = loose(input);
  if (wanted === '') return undefined;
  return (
    choices.find((choice) => choice.id === input.trim()) ??
    choices.find((choice) => [choice.id, choice.name, ...(choice.aliases ?? [])].some((name) => loose(name) === wanted))
  );
}

/** Flags `npm run new` takes, for parsing and for "did you mean" on a slip. */
export const newPostFlags = {
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
  draft: { type: 'boolean' },
  ready: { type: 'boolean' },
  mdx: { type: 'boolean' },
  content: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const NEW_POST_USAGE =
  'Usage: npm run new -- --title "Seven rules for reading aloud" --school "Oak Primary" --author "Ann Head" ' +
  '--kind rules-of-thumb --topics reading,wellbeing [--ready] [--mdx] [--date 2025-09-01] (or just npm run new, to be asked)';

/**
 * One line of help for a slip in the flags (Node's parseArgs error), instead of a stack trace:
 * `--autor` → did you mean `--author`; `--draft yes` → `--draft` takes no value; a value with no flag at all
 * means npm kept the flags, because `--` was missing.
 */
export function flagHelp(message: string, args: readonly string[] = []): string {
  const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
  if (unknown) {
    const name = unknown.replace(/^-+/, '');
    const near = didYouMean(name, Object.keys(newPostFlags));
    return `${unknown} is not an option${near.replace(/"([^"]+)"/, '"--$1"')}. ${NEW_POST_USAGE}`;
  }
  const extra = /Unexpected argument '([^']+)'/.exec(message)?.[1];
  if (extra !== undefined) {
    if (!args.some((arg) => arg.startsWith('-'))) {
      return `npm kept the flags for itself, because "--" was missing: write npm run new -- --title "${extra}" (with -- before the flags). ${NEW_POST_USAGE}`;
    }
    if (/^(yes|no|true|false|y|n)$/i.test(extra)) {
      return `--draft and --ready take no value: write --draft for a draft, --ready to publish it. ${NEW_POST_USAGE}`;
    }
    return `"${extra}" is not after a flag: put values in quotes after their flag, e.g. --title "${extra} …". ${NEW_POST_USAGE}`;
  }
  const missing = /Option '(-{1,2}[^ ']+)[^']*' argument missing/.exec(message)?.[1];
  if (missing) return `${missing} needs a value after it. ${NEW_POST_USAGE}`;
  return `${message.split('\n')[0]}. ${NEW_POST_USAGE}`;
}

/** The starter of a kind as text: its extra front matter (YAML) and its body, for the browser editor's new posts. */
export const starterText = (kind: PostKind): { front: string; body: string } => starters[kind];
