/**
 * The questions `npm run setup` and `npm run add` ask, in plain words, each with the flag that answers it in a
 * script. A question's key is its flag: `school-name` is asked as "What is the school called?" or given as
 * `--school-name "…"`.
 */
import { familyKinds, type FamilyKind } from '../../schemas/family.ts';
import { phases, type Phase } from '../../schemas/school.ts';
import * as answer from './answers.ts';
import type { Choice, Parsed } from './answers.ts';

/** Answers so far, by key. */
export type Answers = Record<string, unknown>;

export interface Question {
  /** The flag without its dashes, and the key of the answer. */
  key: string;
  /** The question as a person reads it. */
  prompt: string;
  /** An example of a good answer. */
  example?: string;
  /** Shown as a numbered list under the question. */
  choices?: readonly Choice<string>[];
  /** The answer taken when Enter is pressed (or `--yes` is given). */
  fallback?: (answers: Answers) => string | undefined;
  /** Enter leaves it out. */
  optional?: boolean;
  parse: (text: string, answers: Answers) => Parsed<unknown>;
  /** Asked only when this says so. */
  when?: (answers: Answers) => boolean;
}

/** What is already in the content folder, so new ids do not clash and references can be chosen. */
export interface Existing {
  schools: readonly Choice<string>[];
  families: readonly Choice<string>[];
  authors: readonly string[];
  topics: readonly Choice<string>[];
  /** The network's language, e.g. `en-GB` or `cy`. */
  lang: string;
}

export const emptyNetwork: Existing = { schools: [], families: [], authors: [], topics: [], lang: 'en-GB' };

const phaseLabels: Record<Phase, string> = {
  nursery: 'Nursery',
  primary: 'Primary',
  secondary: 'Secondary',
  'all-through': 'All-through',
  special: 'Special',
  'post-16': 'Post-16 (sixth form or college)',
};
export const phaseChoices: Choice<Phase>[] = phases.map((value) => ({ value, label: phaseLabels[value] }));

const kindLabels: Record<FamilyKind, string> = {
  federation: 'Federation',
  'multi-academy-trust': 'Multi-academy trust',
  'teaching-school-hub': 'Teaching school hub',
  alliance: 'Alliance',
  cluster: 'Cluster',
  'family-of-schools': 'Family of schools',
  'local-authority': 'Local authority',
  programme: 'Programme',
};
export const kindChoices: Choice<FamilyKind>[] = familyKinds.map((value) => ({ value, label: kindLabels[value] }));

/** `bilingual` networks write in English by default; each school or post can say it writes in Welsh. */
export const networkLanguageChoices: Choice<string>[] = [
  { value: 'en-GB', label: 'English' },
  { value: 'cy', label: 'Welsh' },
  { value: 'bilingual', label: 'Bilingual' },
];
export const languageChoices: Choice<string>[] = [
  { value: 'en-GB', label: 'English' },
  { value: 'cy', label: 'Welsh' },
];
const cymraeg: Record<string, string> = { cymraeg: 'Welsh', saesneg: 'English', dwyieithog: 'Bilingual' };
const language = (choices: readonly Choice<string>[]) => (text: string) =>
  answer.choice(cymraeg[text.trim().toLowerCase()] ?? text.replace(/^(en|en-gb|english \(uk\))$/i, 'en-GB'), choices);

/** The network's language as the schemas store it: `bilingual` is English with Welsh where a school says so. */
export const schemaLang = (lang: string) => (lang === 'bilingual' ? 'en-GB' : lang);

const named = (key: string) => (answers: Answers) => (answers[key] as { name: string } | undefined)?.name ?? '';

export function networkQuestions(): Question[] {
  return [
    {
      key: 'name',
      prompt: 'What is your network called?',
      example: 'Marches Schools Network',
      parse: (text) => answer.text(text),
    },
    {
      key: 'site',
      prompt: 'What web address will the network have? (you can change it later)',
      example: 'https://schools.example.org',
      parse: (text) => {
        const site = answer.address(text);
        return site.ok && isDemoAddress(site.value)
          ? { ok: false, reason: 'that is the demo network’s address: type your own network’s address' }
          : site;
      },
    },
    {
      key: 'lang',
      prompt: 'Which language does the network write in?',
      choices: networkLanguageChoices,
      fallback: () => 'English',
      parse: language(networkLanguageChoices),
    },
    {
      key: 'tagline',
      prompt: 'In one line, what is the network for?',
      fallback: () => 'Schools learning from each other, in the open.',
      parse: (text) => answer.text(text),
    },
    {
      key: 'description',
      prompt: 'Two or three sentences about the network, for the home page and search engines',
      fallback: (answers) =>
        `${answers.name as string} is where our schools write down what they are trying, what worked and what ` +
        'did not, so that colleagues in every school can learn from it.',
      parse: (text) => answer.text(text),
    },
    {
      key: 'contact',
      prompt: 'An email address readers can write to (press Enter to skip)',
      example: 'hello@schools.example.org',
      optional: true,
      parse: (text) => answer.emailAddress(text),
    },
  ];
}

export const DEMO_ADDRESS = 'https://commonroom.example.org';
/** The demo network's address, which a real network never has. */
export const isDemoAddress = (site: string) => site.replace(/\/+$/, '').toLowerCase() === DEMO_ADDRESS;

/** Questions about a school; `prefix` is `school-` in `npm run setup`, where other things have names too. */
export function schoolQuestions(existing: Existing, prefix = '', extra = false): Question[] {
  const key = (name: string) => `${prefix}${name}`;
  const when = (answers: Answers) => !prefix || answers.publisher === 'school';
  const questions: Question[] = [
    {
      key: key('name'),
      prompt: 'What is the school called?',
      example: 'Castle Fields Primary School',
      parse: (text) =>
        answer.name(
          text,
          existing.schools.map((school) => school.value).concat(existing.families.map((family) => family.value)),
          'a school or family',
        ),
    },
    {
      key: key('phase'),
      prompt: 'What kind of school is it?',
      choices: phaseChoices,
      parse: (text) => answer.choice(text, phaseChoices),
    },
    { key: key('town'), prompt: 'Which town or village is it in?', example: 'Oswestry', parse: answer.text },
    { key: key('region'), prompt: 'Which county or region?', example: 'Shropshire', parse: answer.text },
    {
      key: key('colour'),
      prompt: 'The school’s main colour, as a hex code',
      example: '#1d4e89',
      fallback: () => '#2b4c7e',
      parse: (text) => answer.colour(text),
    },
    {
      key: key('lang'),
      prompt: 'Which language does the school write in?',
      choices: languageChoices,
      // In `npm run setup` the network's language has just been answered: a Welsh network suggests Welsh.
      fallback: (answers) => (existing.lang === 'cy' || (prefix && answers.lang === 'cy') ? 'Welsh' : 'English'),
      parse: language(languageChoices),
    },
  ];
  if (extra && existing.families.length > 0) {
    questions.push({
      key: key('families'),
      prompt: 'Which families of schools does it belong to? Numbers separated by commas (press Enter for none)',
      choices: existing.families,
      optional: true,
      parse: (text) => answer.pick(text, existing.families, 'a family'),
    });
  }
  if (extra && existing.topics.length > 0) {
    questions.push({
      key: key('expertise'),
      prompt: 'Which topics can other schools ask it about? Numbers separated by commas (press Enter for none)',
      choices: existing.topics,
      optional: true,
      parse: (text) => answer.pick(text, existing.topics, 'a topic'),
    });
  }
  return questions.map((question) => ({ ...question, when }));
}

/** Questions about a family of schools; `members` asks which existing schools belong to it. */
export function familyQuestions(existing: Existing, prefix = '', members = false): Question[] {
  const key = (name: string) => `${prefix}${name}`;
  const when = (answers: Answers) => !prefix || answers.publisher === 'family';
  const questions: Question[] = [
    {
      key: key('name'),
      prompt: 'What is the family of schools called?',
      example: 'Marches Learning Trust',
      parse: (text) =>
        answer.name(
          text,
          existing.families.map((family) => family.value).concat(existing.schools.map((school) => school.value)),
          'a school or family',
        ),
    },
    {
      key: key('kind'),
      prompt: 'What kind of family is it?',
      choices: kindChoices,
      parse: (text) => answer.choice(text, kindChoices),
    },
    {
      key: key('description'),
      prompt: 'One or two sentences about it',
      fallback: (answers) => {
        const kind = kindChoices.find((choice) => choice.value === answers[key('kind')])?.label ?? 'Family of schools';
        return `${named(key('name'))(answers)} is a ${kind.toLowerCase()} whose schools share training, ideas and their writing here.`;
      },
      parse: answer.text,
    },
    {
      key: key('colour'),
      prompt: 'Its main colour, as a hex code',
      example: '#3d3d6b',
      fallback: () => '#3d3d6b',
      parse: (text) => answer.colour(text),
    },
  ];
  if (members && existing.schools.length > 0) {
    questions.push({
      key: key('members'),
      prompt: 'Which schools belong to it? Numbers separated by commas (press Enter for none yet)',
      choices: existing.schools,
      optional: true,
      parse: (text) => answer.pick(text, existing.schools, 'a school'),
    });
  }
  return questions.map((question) => ({ ...question, when }));
}

/**
 * Questions about someone who writes. In `npm run setup` the author belongs to the first school or family; in
 * `npm run add` they choose one (or none, for an independent adviser).
 */
export function authorQuestions(existing: Existing, prefix = '', choosePlace = false): Question[] {
  const key = (name: string) => `${prefix}${name}`;
  const places: Choice<string>[] = [...existing.schools, ...existing.families];
  const questions: Question[] = [
    {
      key: key('name'),
      prompt: prefix ? 'Who will write the first post? Their full name' : 'What is the author’s full name?',
      example: 'Sarah Okafor',
      parse: (text) => answer.name(text, existing.authors, 'an author'),
    },
    {
      key: key('role'),
      prompt: 'What is their job?',
      example: 'Headteacher',
      fallback: () => 'Headteacher',
      parse: answer.text,
    },
  ];
  if (choosePlace && places.length > 0) {
    questions.push({
      key: key('for'),
      prompt: 'Which school or family do they work for? A number (press Enter for neither, e.g. an adviser)',
      choices: places,
      optional: true,
      parse: (text) => {
        const picked = answer.pick(text, places, 'a school or family');
        if (!picked.ok) return picked;
        return picked.value.length > 1
          ? { ok: false, reason: 'choose just one' }
          : { ok: true, value: picked.value[0] };
      },
    });
  }
  questions.push(
    {
      key: key('bio'),
      prompt: 'A sentence or two about them, shown beside their posts',
      fallback: (answers) => {
        const where = prefix
          ? named(answers.publisher === 'family' ? 'family-name' : 'school-name')(answers)
          : places.find((place) => place.value === answers[key('for')])?.label.replace(/ \([^)]*\)$/, '');
        return `${named(key('name'))(answers)} is ${answers[key('role')] as string}${where ? ` at ${where}` : ''}.`;
      },
      parse: answer.text,
    },
    {
      key: key('email'),
      prompt: 'Their email address, if readers may reply to them by email (press Enter to skip)',
      optional: true,
      parse: (text) => answer.emailAddress(text),
    },
  );
  return questions;
}

/** Questions for one topic added to a network. */
export function topicQuestions(existing: Existing): Question[] {
  return [
    {
      key: 'name',
      prompt: 'What is the topic called?',
      example: 'Attendance',
      parse: (text) =>
        answer.name(
          text,
          existing.topics.map((topic) => topic.value),
          'a topic',
        ),
    },
    {
      key: 'description',
      prompt: 'One sentence saying what it covers',
      fallback: (answers) => topicDescription(answers.name as { name: string; id: string }),
      parse: answer.text,
    },
  ];
}

/** The first topics of a new network, named in one answer. */
export function topicsQuestion(): Question {
  return {
    key: 'topics',
    prompt: 'Two or three topics your network will write about, separated by commas',
    example: 'Leadership, Curriculum, Wellbeing',
    fallback: () => 'Leadership, Curriculum, Wellbeing',
    parse: (text) => answer.topicNames(text),
  };
}

const knownTopics: Record<string, string> = {
  leadership: 'Leading a school or a team: decisions, priorities, people and the work of headship.',
  curriculum: 'What we teach, in what order and why, and how a curriculum is planned and reviewed.',
  wellbeing: 'Looking after pupils’ and staff’s wellbeing, workload and mental health.',
  send: 'Special educational needs and disabilities: inclusion, provision and working with families.',
  aln: 'Additional learning needs: inclusion, provision and working with families.',
  cpd: 'Training, coaching, INSET and the slower work of getting better at teaching and leading.',
  assessment: 'Marking, feedback, tests and knowing what pupils have learnt.',
  attendance: 'Getting pupils into school every day, and what to do when they are not.',
  behaviour: 'Routines, relationships and calm classrooms and corridors.',
  reading: 'Phonics, reading for pleasure and reading across the curriculum.',
  'early-years': 'Nursery and reception: play, talk, early development and settling in.',
  oracy: 'Talk for learning: speaking, listening and discussion in every lesson.',
  recruitment: 'Finding, training and keeping good staff.',
  disadvantage: 'Closing gaps for disadvantaged pupils, and how the pupil premium is spent.',
  transition: 'Moving between classes, phases and schools.',
  governance: 'Governors and trustees: their questions, visits and decisions.',
  bilingualism: 'Teaching and learning in two languages, and Welsh in every school.',
};

/** A first description for a topic: a good one for common topics, a plain one otherwise. */
export function topicDescription(topic: { name: string; id: string }): string {
  return knownTopics[topic.id] ?? `What schools across the network are learning about ${topic.name.toLowerCase()}.`;
}

/** The first post's title. */
export function postQuestion(): Question {
  return {
    key: 'post-title',
    prompt: 'A title for the first post (a draft you can rewrite)',
    fallback: () => 'Why we are writing in the open',
    parse: (text) => answer.name(text),
  };
}

/** Which kind of publisher the first post comes from. */
export function publisherQuestion(): Question {
  const choices: Choice<string>[] = [
    { value: 'school', label: 'A school' },
    { value: 'family', label: 'A family of schools (a trust, federation, cluster or programme)' },
  ];
  return {
    key: 'publisher',
    prompt: 'Will the first post come from a school or from a family of schools?',
    choices,
    fallback: () => 'A school',
    parse: (text) => answer.choice(text.trim().replace(/^an? /i, ''), choices),
  };
}
