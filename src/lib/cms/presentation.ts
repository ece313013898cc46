/**
 * The words the editor shows beside each field, and what each id refers to. Everything else about a field
 * (its input, whether it is required, its choices and limits) comes from the schema (`fields.ts`).
 */
import { descriptionLength } from '../check/description.ts';
import type { Presentation } from './fields.ts';

export type CollectionKind = 'posts' | 'schools' | 'families' | 'authors' | 'topics' | 'network';

const rulesHint =
  'Write each rule as one item of a numbered list: `1. **The rule in a few words.** Why it matters.` ' +
  'Each item becomes a numbered rule with its own link (#rule-1, #rule-2…) and a place in the rulebook.';

const posts: Record<string, Presentation> = {
  title: { hint: 'The headline. It also makes the address of the post.' },
  description: {
    widget: 'text',
    length: descriptionLength,
    hint: `One or two sentences (${descriptionLength.min}–${descriptionLength.max} characters) shown on cards, in feeds and in search results.`,
  },
  date: { hint: 'A future date schedules the post: it goes live with the first build on or after that day.' },
  updated: { hint: 'Only when you have changed the post after publishing it.' },
  authors: { references: 'authors', hint: 'The first is the lead author.' },
  kind: { hint: 'Reflection, case study or rules of thumb. Changing it moves the post to that list.' },
  topics: {
    references: 'topics',
    hint: 'From the network’s shared list of topics; the first decides the rulebook section.',
  },
  tags: { label: 'Tags', hint: 'Free words, one a line, e.g. reading, transition.' },
  families: {
    label: 'Shared with',
    hint: 'Which of the school’s families see this post. Leave all unticked to share with every one of them.',
  },
  lang: { label: 'Language', hint: 'Only if the post is not in the school’s language, e.g. cy for Welsh.' },
  translationOf: {
    label: 'Translation of',
    hint: 'Only for a translation: the post it translates, as school/slug, e.g. ysgol-bryn-derw/darllen-gyda-n-gilydd.',
  },
  translationKey: {
    label: 'Translation key',
    freeId: true,
    hint: 'Instead of “Translation of”: the same word on every language’s version, e.g. family-reading.',
  },
  photoConsent: {
    label: 'Photo consent',
    hint: 'Tick when everyone in this post’s photos is covered by your school’s photo consent.',
  },
  importedFrom: { label: 'Imported from', hint: 'Filled in by npm run import: the post’s old address.' },
  guid: { label: 'Old feed id', hint: 'Filled in by npm run import, so feed readers do not show the post twice.' },
  hero: { label: 'Photo at the top', image: true, hint: 'Optional. Stored beside the post.' },
  heroAlt: {
    label: 'Describe the photo',
    hint: 'Required with a photo: what someone who cannot see it needs to know.',
  },
  series: { freeId: true, hint: 'Posts with the same series name are linked as parts, e.g. transition-diary.' },
  seriesTitle: { label: 'Series title', hint: 'How the series is named on the page, e.g. A transition diary.' },
  canonical: { label: 'First published at', hint: 'Only if this post first appeared elsewhere: its address.' },
  featured: { hint: 'Shown at the top of the network’s home page.' },
  draft: { hint: 'A draft is never published, even after review.' },
  caseStudy: { label: 'At a glance', hint: 'Shown in a panel above the text.' },
  'caseStudy.setting': { hint: 'The school in a line, e.g. two-form entry primary, 38% pupil premium.' },
  'caseStudy.period': { hint: 'e.g. September 2024 – July 2025.' },
  'caseStudy.partners': { hint: 'School ids from this network (linked) or names of other partners, one a line.' },
  'caseStudy.focus': { hint: 'The one thing the work set out to change.' },
  'caseStudy.outcomes': { hint: 'What changed, one a line, with a number where you have one.' },
  'caseStudy.evidence': { hint: 'Reports, data or pages that back the outcomes up.' },
  'caseStudy.evidence.url': { label: 'Address' },
  body: { label: 'Text' },
};

const tables: Record<CollectionKind, Record<string, Presentation>> = {
  posts,
  schools: {
    shortName: { label: 'Short name', hint: 'Used on badges and cards, e.g. Castle Fields.' },
    website: { hint: 'The school’s own website.' },
    site: { label: 'Own Commonroom site', hint: 'Only if the school publishes its own copy of its posts.' },
    logo: { image: true },
    logoAlt: { label: 'Describe the logo', hint: 'What it shows, e.g. a white castle tower on a blue circle.' },
    colour: { label: 'Brand colour' },
    lang: { label: 'Language', hint: 'e.g. cy for a Welsh-medium school.' },
    ethos: { hint: 'One line that says what the school stands for.' },
    ages: { hint: 'e.g. 3–11.' },
    expertise: { references: 'topics', hint: 'Topics other schools can ask you about.' },
    families: { references: 'families' },
  },
  families: {
    shortName: { label: 'Short name' },
    colour: { label: 'Brand colour' },
    logo: { image: true },
    logoAlt: { label: 'Describe the logo' },
    description: { widget: 'text' },
  },
  authors: {
    role: { hint: 'e.g. Headteacher, SENCo, Chair of governors.' },
    school: { references: 'schools', hint: 'Leave empty for a trust’s central team or an independent adviser.' },
    family: { references: 'families' },
    bio: { widget: 'text', hint: 'Two or three sentences, shown under each post.' },
    avatar: { label: 'Photo', image: true },
    avatarAlt: { label: 'Describe the photo', hint: 'Optional: the author’s name is used otherwise.' },
    email: { hint: 'Turns on “reply by email” under this author’s posts.' },
  },
  topics: { description: { widget: 'text' } },
  network: {
    description: { widget: 'text' },
    about: { label: 'About page', widget: 'markdown' },
    'partners.url': { label: 'Address' },
    editor: { label: 'Browser editor', hint: 'Where the editor saves: see docs/editor.md.' },
    'editor.clientId': { label: 'Client ID' },
    'editor.signInRelay': { label: 'Sign-in relay' },
  },
};

/** The presentation of a field of a collection, by its dotted path. */
export function presentation(kind: CollectionKind, path: string): Presentation | undefined {
  return tables[kind][path];
}

/** The body hint of a kind of post. */
export function bodyHint(kind: string): string | undefined {
  return kind === 'rules-of-thumb' ? rulesHint : undefined;
}
