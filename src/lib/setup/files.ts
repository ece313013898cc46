/**
 * The files `npm run setup` and `npm run add` write, made from answers and checked against the same schemas the
 * build uses before anything touches the disk.
 */
import { Document, isSeq, parseDocument, stringify, visit, YAMLSeq } from 'yaml';
import type { z } from 'astro/zod';
import { authorSchema } from '../../schemas/author.ts';
import { familySchema, type FamilyKind } from '../../schemas/family.ts';
import { networkSchema } from '../../schemas/network.ts';
import { postSchema } from '../../schemas/post.ts';
import { schoolSchema, type Phase } from '../../schemas/school.ts';
import { topicSchema } from '../../schemas/topic.ts';
import { z as zod } from 'astro/zod';
import { slugOf } from '../check/new-post.ts';

/** A file to write, relative to the content folder. */
export interface PlannedFile {
  path: string;
  text: string;
}

export interface Named {
  name: string;
  id: string;
}

const header = (what: string) => `# ${what}. Every field is explained in README.md, "Configuration reference".\n`;

/** YAML for data the schema has accepted; keys in the order given, no defaults added. */
function yamlOf<S extends z.ZodType>(schema: S, data: Record<string, unknown>, what: string): string {
  const clean = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  schema.parse(clean);
  const document = new Document(clean);
  // Lists of ids read best on one line, as in the demo: `families: [marches-trust, clun-cluster]`.
  visit(document, {
    Seq(_, node) {
      node.flow = true;
    },
  });
  return header(what) + document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export interface NetworkAnswers {
  name: string;
  site: string;
  /** `en-GB` or `cy` */
  lang: string;
  tagline: string;
  description: string;
  contact?: string;
}

export function networkFile(network: NetworkAnswers): PlannedFile {
  const about =
    `${network.name} is a network of schools writing in the open about their work: what they are trying, ` +
    'what worked and what did not.\n\n' +
    (network.contact
      ? `To join, or to ask a question about a post, write to ${network.contact}.\n`
      : 'To join, or to ask a question about a post, speak to one of our schools.\n');
  return {
    path: 'network.yaml',
    text: yamlOf(
      networkSchema,
      {
        name: network.name,
        tagline: network.tagline,
        site: network.site,
        lang: network.lang,
        description: network.description,
        contact: network.contact,
        about,
        partners: [],
      },
      'The network as a whole',
    ),
  };
}

export interface SchoolAnswers extends Named {
  phase: Phase;
  town: string;
  region: string;
  colour: string;
  /** Written only when it differs from the network's. */
  lang?: string;
  families?: string[];
  expertise?: string[];
}

export function schoolFile(school: SchoolAnswers): PlannedFile {
  return {
    path: `schools/${school.id}.yaml`,
    text: yamlOf(
      schoolSchema,
      {
        name: school.name,
        phase: school.phase,
        town: school.town,
        region: school.region,
        colour: school.colour,
        lang: school.lang,
        expertise: school.expertise?.length ? school.expertise : undefined,
        families: school.families?.length ? school.families : undefined,
      },
      `A school: ${school.name}`,
    ),
  };
}

export interface FamilyAnswers extends Named {
  kind: FamilyKind;
  description: string;
  colour: string;
}

export function familyFile(family: FamilyAnswers): PlannedFile {
  return {
    path: `families/${family.id}.yaml`,
    text: yamlOf(
      familySchema,
      { name: family.name, kind: family.kind, description: family.description, colour: family.colour },
      `A family of schools: ${family.name}. Its schools list it under "families"`,
    ),
  };
}

export interface AuthorAnswers extends Named {
  role: string;
  bio: string;
  email?: string;
  school?: string;
  family?: string;
}

export function authorFile(author: AuthorAnswers): PlannedFile {
  return {
    path: `authors/${author.id}.yaml`,
    text: yamlOf(
      authorSchema,
      {
        name: author.name,
        role: author.role,
        school: author.school,
        family: author.family,
        bio: author.bio,
        email: author.email,
      },
      `Someone who writes: ${author.name}`,
    ),
  };
}

export interface TopicAnswers extends Named {
  description: string;
}

export function topicFile(topic: TopicAnswers): PlannedFile {
  return {
    path: `topics/${topic.id}.yaml`,
    text: yamlOf(topicSchema, { name: topic.name, description: topic.description }, `A topic: ${topic.name}`),
  };
}

export interface FirstPost {
  title: string;
  publisher: Named;
  network: string;
  author: string;
  topics: string[];
  /** `YYYY-MM-DD` */
  date: string;
}

/** A draft first post that says what to do with it, valid as it stands. */
export function firstPostFile(post: FirstPost): PlannedFile {
  const description =
    `Why ${post.publisher.name} is writing about its work for colleagues across ${post.network}, ` +
    'and what we hope to learn from other schools.';
  const front = {
    title: post.title,
    description,
    date: post.date,
    authors: [post.author],
    kind: 'reflection',
    topics: post.topics,
    draft: true,
  };
  postSchema(zod.string()).parse(front);
  const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();
  const yaml = [
    `title: ${scalar(front.title)}`,
    `description: ${scalar(front.description)}`,
    `date: ${front.date}`,
    `authors: [${front.authors.join(', ')}]`,
    `kind: ${front.kind}`,
    `topics: [${front.topics.join(', ')}]`,
    'draft: true',
    '',
  ].join('\n');
  return {
    path: `posts/${post.publisher.id}/${slugOf(post.title)}.mdx`,
    text: `---
${yaml}---

This is your first post. It is a **draft**: you can see it with \`npm run dev\`, but it is not on the published site
until you delete the line \`draft: true\` above.

Replace these paragraphs with your own words. A good first post says who you are, why ${post.publisher.name} is
writing here, and one thing you are working on this year that other schools might learn from.

## What we are working on

Say what you are trying, for which pupils or staff, and how you will know whether it worked.

## What we would like to hear

Ask colleagues in other schools the one question you most want answered.
`,
  };
}

/**
 * Adds a family to a school's `families` list, keeping the rest of the file (comments, order, quoting) as it was.
 * Returns the text unchanged when the school already belongs to the family.
 */
export function withFamily(schoolYaml: string, family: string): string {
  const document = parseDocument(schoolYaml);
  const families = document.get('families');
  if (isSeq(families)) {
    if (families.items.some((item) => String((item as { value?: unknown }).value ?? item) === family)) {
      return schoolYaml;
    }
    families.add(document.createNode(family));
  } else {
    const list = new YAMLSeq();
    list.flow = true;
    list.add(document.createNode(family));
    document.set('families', list);
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
