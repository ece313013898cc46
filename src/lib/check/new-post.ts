import slugify from '@sindresorhus/slugify';
import { stringify } from 'yaml';
import type { PostKind } from '../../schemas/post.ts';

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

/** The starter phrases a post still holds, shortened to be quoted in a message. */
export function placeholdersIn(text: string): string[] {
  return placeholders
    .filter((phrase) => text.includes(phrase))
    .map((phrase) => (phrase.length > 45 ? `${phrase.slice(0, 42).trimEnd()}…` : phrase));
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
