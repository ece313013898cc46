/**
 * Inline cases of the bad-input corpus, beside the folder cases of tests/fixtures/bad/: each lays files over the
 * valid fixture network (tests/fixtures/network). What `npm run check` must add to the base's issues for each
 * is in corpus-expected.json, keyed by name: an empty list means the input is accepted.
 */

export interface InlineCase {
  name: string;
  /** What the case is: the writer's mistake, or the valid input that must be accepted. */
  about: string;
  /** Files to write, relative to the content folder. */
  files?: Record<string, string | Buffer>;
  /** Symbolic links to make: path → target (relative to the link). */
  links?: Record<string, string>;
  remove?: string[];
}

const BODY = 'A paragraph of text that says something worth reading, so the post is not empty.\n';
type Fields = Record<string, string | null>;
const DEFAULTS: Fields = {
  title: 'A post for the corpus',
  description: 'A post written to test one mistake a writer might make, and nothing else besides.',
  date: '2025-03-01',
  authors: '[ann-head]',
  kind: 'reflection',
  topics: '[reading]',
};

/** A post's text: the default front matter with `fields` changed (null removes one, raw lines are kept as given). */
export function post(fields: Fields = {}, body = BODY, extra = ''): string {
  const lines = Object.entries({ ...DEFAULTS, ...fields })
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n${extra}---\n\n${body}`;
}

const P = 'posts/oak-primary/case.md';
const X = 'posts/oak-primary/case.mdx';
/** A tiny valid PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const S = 'schools/oak-primary.yaml';
const OAK = `name: Oak Primary School
shortName: Oak Primary
phase: primary
town: Ludlow
region: Shropshire
website: https://oak.example.sch.uk
lang: en
ethos: Every child a reader.
expertise: [reading, send]
families: [river-trust, hill-cluster]
`;
const RULES = `Some things we keep coming back to.

1. **Read the book first.** Nothing kills a story like a surprise you stumble over.
2. **Stop at the cliffhanger.** Leave them wanting the next chapter.
`;

export const inlineCases: InlineCase[] = [
  // Front matter: values YAML cuts short or misreads
  {
    name: 'title-hash-comment',
    about: 'a "#" in an unquoted title starts a YAML comment and cut the title short',
    files: { [P]: post({ title: 'Year 6 #proud of our pupils' }) },
  },
  {
    name: 'description-hash-comment',
    about: 'a hashtag in an unquoted description',
    files: {
      [P]: post({ description: 'What we learnt from a week of outdoor reading #LoveReading #Year6 in Ludlow' }),
    },
  },
  {
    name: 'hash-without-space-accepted',
    about: '"#" with no space before it is text, not a comment',
    files: { [P]: post({ title: 'Year 6#proud and Year6#proud' }) },
  },
  {
    name: 'comment-after-true-accepted',
    about: 'a comment after draft: false is a comment the writer meant',
    files: { [P]: post({ draft: 'false # publish on Friday' }) },
  },
  {
    name: 'colour-unquoted-hash',
    about: 'colour: #1d4e89 without quotes is an empty value followed by a comment',
    files: { [S]: `${OAK}colour: #1d4e89\n` },
  },
  {
    name: 'colour-short-form-accepted',
    about: 'colour: "#c03" is a valid short hex colour',
    files: { [S]: `${OAK}colour: "#c03"\n` },
  },
  {
    name: 'colour-white-short-form',
    about: 'colour: "#fff" is valid, and shown as declared with dark text on it: no warning',
    files: { [S]: `${OAK}colour: "#fff"\n` },
  },
  {
    name: 'title-unquoted-colon',
    about: 'a colon and space inside an unquoted title',
    files: { [P]: post({ title: 'Ofsted: what we learnt' }) },
  },
  {
    name: 'title-starts-with-quote',
    about: 'a title starting with a quoted phrase',
    files: { [P]: post({ title: '"Calon Lân" at our eisteddfod' }) },
  },
  {
    name: 'title-apostrophe-in-single-quotes',
    about: 'a title in single quotes holding an apostrophe',
    files: { [P]: post({ title: "'It's our turn to host'" }) },
  },
  {
    name: 'title-starts-with-star',
    about: 'a title starting with "*", which YAML reads as a reference to elsewhere',
    files: { [P]: post({ title: '*New* reading corner opens' }) },
  },
  {
    name: 'title-starts-with-at',
    about: 'a title starting with "@"',
    files: { [P]: post({ title: '@home learning that worked' }) },
  },
  {
    name: 'topics-list-not-closed',
    about: 'a list of topics with no closing bracket',
    files: { [P]: post({ topics: '[reading, wellbeing' }) },
  },
  {
    name: 'no-space-after-colon',
    about: 'no space after the colon of a field',
    files: { [P]: post({ title: null }).replace('---\n', '---\ntitle:Reading for pleasure\n') },
  },
  {
    name: 'list-item-on-key-line',
    about: 'a list item written on the same line as its field',
    files: { [P]: post({ authors: '- ann-head' }) },
  },
  {
    name: 'case-study-over-indented',
    about: 'one field of a case study indented more than the one above it',
    files: {
      [P]: post(
        { kind: 'case-study' },
        BODY,
        'caseStudy:\n  setting: A small rural primary\n   period: 2024–25\n  focus: Reading\n  outcomes: [More reading]\n',
      ),
    },
  },
  {
    name: 'description-block-accepted',
    about: 'a description written as a folded block over several lines, with "@" and ":" inside',
    files: {
      [P]: post({ description: '>' }, BODY, '').replace(
        'description: >\n',
        'description: >\n  What we learnt about @home reading: the books, the\n  routines and the families who made it work.\n',
      ),
    },
  },
  {
    name: 'nbsp-indentation',
    about: 'a case study indented with non-breaking spaces pasted from a web page',
    files: {
      [P]: post(
        { kind: 'case-study' },
        BODY,
        'caseStudy:\n\u00a0\u00a0setting: A small rural primary\n\u00a0\u00a0period: 2024\n  focus: Reading\n  outcomes: [More reading]\n',
      ),
    },
  },
  {
    name: 'draft-quoted-false-accepted',
    about: 'draft: "false" in quotes means false',
    files: { [P]: post({ draft: '"false"' }) },
  },
  {
    name: 'draft-quoted-true-accepted',
    about: 'draft: "true" in quotes is a draft',
    files: { [P]: post({ draft: '"True"' }) },
  },
  {
    name: 'draft-yes',
    about: 'draft: yes',
    files: { [P]: post({ draft: 'yes' }) },
  },
  {
    name: 'featured-quoted-accepted',
    about: 'featured: "true" in quotes',
    files: { [P]: post({ featured: '"true"' }) },
  },
  {
    name: 'outcome-with-colon',
    about: 'a list item with a colon, which YAML reads as a field',
    files: {
      [P]: post(
        { kind: 'case-study' },
        BODY,
        'caseStudy:\n  setting: A small rural primary\n  period: 2024–25\n  focus: Reading\n  outcomes:\n    - Reading: up 20% in a year\n',
      ),
    },
  },
  {
    name: 'blank-line-before-front-matter-accepted',
    about: 'a blank line before the opening ---, which Astro accepts too',
    files: { [P]: `\n${post()}` },
  },
  {
    name: 'author-display-name',
    about: 'an author written as a display name',
    files: { [P]: post({ authors: '[Ann Head]' }) },
  },
  {
    name: 'topic-capitals',
    about: 'a topic written with capitals',
    files: { [P]: post({ topics: '[Reading]' }) },
  },
  {
    name: 'author-curly-quotes',
    about: 'an author id in curly quotes from a word processor',
    files: { [P]: post({ authors: '[“ann-head”]' }) },
  },
  {
    name: 'author-school-is-family',
    about: "an author's school: naming a family",
    files: {
      'authors/fay-central.yaml':
        'name: Fay Central\nrole: Director of Education\nschool: river-trust\nbio: Fay leads school improvement.\n',
    },
  },
  {
    name: 'topic-twice',
    about: 'the same topic listed twice',
    files: { [P]: post({ topics: '[reading, wellbeing, reading]' }) },
  },
  {
    name: 'tag-twice',
    about: 'the same tag listed twice',
    files: { [P]: post({ tags: '[phonics, Phonics, phonics]' }) },
  },
  {
    name: 'title-zero-width',
    about: 'a zero-width space in the title',
    files: { [P]: post({ title: 'Year 6\u200b residential' }) },
  },
  {
    name: 'title-emoji-only',
    about: 'a title that is only emoji',
    files: { [P]: post({ title: '"🎉📚"' }) },
  },
  {
    name: 'authors-singular-field',
    about: 'author: instead of authors:',
    files: { [P]: post({ authors: null, author: 'ann-head' }) },
  },
  {
    name: 'authors-not-a-list',
    about: 'authors: ann-head written without the brackets of a list',
    files: { [P]: post({ authors: 'ann-head' }) },
  },
  {
    name: 'kind-display-name',
    about: 'kind written as a display name',
    files: { [P]: post({ kind: 'Rules of thumb' }, RULES) },
  },
  {
    name: 'empty-description',
    about: 'description left empty',
    files: { [P]: post({ description: '' }) },
  },
  // Dates
  {
    name: 'date-with-offset-accepted',
    about: 'a date with a time zone just after midnight is the day written (the build test checks the page)',
    files: { [P]: post({ date: '2025-06-20T00:30:00+01:00' }) },
  },
  {
    name: 'date-single-digits-accepted',
    about: 'a date written 2025-6-5',
    files: { [P]: post({ date: '2025-6-5' }) },
  },
  {
    name: 'date-far-future',
    about: '2205 for 2025: held back for two centuries',
    files: { [P]: post({ date: '2205-06-20' }) },
  },
  {
    name: 'date-before-1990',
    about: '1925 for 2025',
    files: { [P]: post({ date: '1925-06-20' }) },
  },
  {
    name: 'updated-in-future',
    about: 'updated later than today',
    files: { [P]: post({ updated: '2025-12-01' }) },
  },
  {
    name: 'date-day-first',
    about: 'a date written day first, as on a letter',
    files: { [P]: post({ date: '20/06/2025' }) },
  },
  // Merge conflicts
  {
    name: 'conflict-in-front-matter',
    about: 'git conflict markers in the front matter',
    files: {
      [P]: post({}, BODY).replace(
        'date: 2025-03-01\n',
        '<<<<<<< HEAD\ndate: 2025-03-01\n=======\ndate: 2025-03-02\n>>>>>>> other-branch\n',
      ),
    },
  },
  {
    name: 'conflict-in-body',
    about: 'git conflict markers in the body',
    files: { [P]: post({}, `${BODY}\n<<<<<<< HEAD\nOur version.\n=======\nTheir version.\n>>>>>>> main\n`) },
  },
  {
    name: 'conflict-in-school',
    about: 'git conflict markers in a school file',
    files: { [S]: `${OAK}<<<<<<< HEAD\ncolour: "#1d4e89"\n=======\ncolour: "#2b4c7e"\n>>>>>>> main\n` },
  },
  // Files the build would not read, or read differently
  {
    name: 'extension-upper-case',
    about: 'a post saved as .MD',
    files: { 'posts/oak-primary/sports-day.MD': post() },
  },
  {
    name: 'extension-markdown',
    about: 'a post saved as .markdown',
    files: { 'posts/oak-primary/sports-day.Markdown': post() },
  },
  {
    name: 'names-differ-in-case',
    about: 'two posts whose names differ only in capital letters',
    files: { 'posts/oak-primary/Sports-Day.md': post(), 'posts/oak-primary/sports-day.md': post() },
  },
  {
    name: 'symlinked-post',
    about: 'a post that is a symbolic link to another file',
    files: { 'shared/assembly.md': post() },
    links: { 'posts/oak-primary/assembly.md': '../../shared/assembly.md' },
  },
  {
    name: 'school-extension-upper-case',
    about: 'a school saved as .YAML',
    files: { 'schools/birch-primary.YAML': OAK },
  },
  {
    name: 'word-document-in-posts',
    about: 'a Word document dropped into a publisher folder',
    files: { 'posts/oak-primary/newsletter.docx': Buffer.from('PK\u0003\u0004') },
  },
  // Scripts and embeds
  {
    name: 'script-inline-md',
    about: 'an inline <script> in a Markdown post',
    files: { [P]: post({}, `${BODY}\n<script>document.write("Hello")</script>\n`) },
  },
  {
    name: 'script-external-mdx',
    about: 'an external <script src> in an MDX post',
    files: { [X]: post({}, `${BODY}\n<script src="https://widgets.example.com/w.js"></script>\n`) },
  },
  {
    name: 'iframe-youtube-com',
    about: 'a YouTube embed from youtube.com, which sets cookies',
    files: {
      [P]: post(
        {},
        `${BODY}\n<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Our song" allowfullscreen></iframe>\n`,
      ),
    },
  },
  {
    name: 'iframe-youtube-nocookie-accepted',
    about: 'a privacy-enhanced YouTube embed in MDX, with a title and allowfullscreen',
    files: {
      [X]: post(
        {},
        `${BODY}\n<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Sports day highlights" allowfullscreen></iframe>\n`,
      ),
    },
  },
  {
    name: 'iframe-google-maps-accepted',
    about: 'a Google Maps embed in Markdown',
    files: {
      [P]: post(
        {},
        `${BODY}\n<iframe src="https://www.google.com/maps/embed?pb=!1m18" title="Map of the school" loading="lazy"></iframe>\n`,
      ),
    },
  },
  {
    name: 'iframe-vimeo-page',
    about: "Vimeo's page address instead of its player",
    files: { [P]: post({}, `${BODY}\n<iframe src="https://vimeo.com/76979871" title="Film"></iframe>\n`) },
  },
  {
    name: 'iframe-other-site',
    about: 'an embed from a site that is not allowed',
    files: {
      [P]: post({}, `${BODY}\n<iframe src="https://forms.example.com/f/123" title="Sign-up form"></iframe>\n`),
    },
  },
  {
    name: 'iframe-without-title',
    about: 'an allowed embed with no title for screen readers',
    files: { [P]: post({}, `${BODY}\n<iframe src="https://player.vimeo.com/video/76979871"></iframe>\n`) },
  },
  // Body structure
  {
    name: 'unclosed-code-fence',
    about: 'a code fence that is never closed',
    files: { [P]: post({}, `${BODY}\n\`\`\`\nlet x = 1;\n\nThe rest of the post.\n`) },
  },
  {
    name: 'rules-split-by-paragraph',
    about: 'a rules-of-thumb list interrupted by a paragraph',
    files: {
      [P]: post(
        { kind: 'rules-of-thumb' },
        `Intro.\n\n1. **First rule.** Why.\n\nA paragraph explaining the first rule.\n\n2. **Second rule.** Why.\n3. **Third rule.** Why.\n`,
      ),
    },
  },
  {
    name: 'body-only-heading',
    about: 'a body that is only a heading',
    files: { [P]: post({}, '## What we did\n') },
  },
  {
    name: 'heading-level-one',
    about: 'a level-one heading in the body',
    files: { [P]: post({}, `# A post for the corpus\n\n${BODY}`) },
  },
  {
    name: 'placeholder-not-draft',
    about: 'a post still holding the starter text, not a draft',
    files: {
      [P]: post(
        {},
        'Start with the moment that made you think: a lesson, a conversation.\n\n## What we noticed\n\nSay what you saw, in plain words.\n',
      ),
    },
  },
  {
    name: 'placeholder-draft',
    about: 'a draft still holding the starter text',
    files: { [P]: post({ draft: 'true' }, 'Start with the moment that made you think: a lesson, a conversation.\n') },
  },
  // Images and links
  {
    name: 'image-space-in-path',
    about: 'an image whose file name has a space',
    files: { [P]: post({}, `${BODY}\n![Sports day](./sports day.png)\n`), 'posts/oak-primary/sports day.png': PNG },
  },
  {
    name: 'image-space-in-angle-brackets-accepted',
    about: 'an image with a space, written in angle brackets as CommonMark allows',
    files: { [P]: post({}, `${BODY}\n![Sports day](<./sports day.png>)\n`), 'posts/oak-primary/sports day.png': PNG },
  },
  {
    name: 'image-as-html-md',
    about: 'a picture beside the post written as an HTML <img>, which is not published with it',
    files: {
      [P]: post({}, `${BODY}\n<img src="./photo.png" alt="Our reading garden">\n`),
      'posts/oak-primary/photo.png': PNG,
    },
  },
  {
    name: 'image-as-jsx-mdx',
    about: 'a picture beside the post written as a JSX <img /> in MDX',
    files: {
      [X]: post({}, `${BODY}\n<img src="./photo.png" alt="Our reading garden" />\n`),
      'posts/oak-primary/photo.png': PNG,
    },
  },
  {
    name: 'image-wordpress-path',
    about: 'an image still pointing at the old WordPress site',
    files: { [P]: post({}, `${BODY}\n![Our hall](/wp-content/uploads/2021/03/hall.jpg)\n`) },
  },
  {
    name: 'image-full-address',
    about: 'an image on another website',
    files: { [P]: post({}, `${BODY}\n![Our hall](https://oldsite.example.sch.uk/images/hall.jpg)\n`) },
  },
  {
    name: 'hero-pdf-renamed',
    about: 'a PDF renamed .jpg as the hero',
    files: {
      [P]: post({ hero: './hero.jpg', heroAlt: 'Children reading' }),
      'posts/oak-primary/hero.jpg': Buffer.from('%PDF-1.7\n%âãÏÓ\n'),
    },
  },
  {
    name: 'image-heic-renamed',
    about: "a phone's HEIC photo renamed .jpg in the body",
    files: {
      [P]: post({}, `${BODY}\n![Children reading](./reading.jpg)\n`),
      'posts/oak-primary/reading.jpg': Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic0000mif1heic')]),
    },
  },
  {
    name: 'link-to-mdx-file',
    about: "a link to another post's file",
    files: { [P]: post({}, `${BODY}\nSee [our rules](./reading-rules.md).\n`) },
  },
  {
    name: 'link-bare-slug',
    about: 'a link to another post by its bare name',
    files: { [P]: post({}, `${BODY}\nSee [leading change](leading-change).\n`) },
  },
  {
    name: 'link-relative-nowhere',
    about: 'a relative link to nothing',
    files: { [P]: post({}, `${BODY}\nSee [the policy](policies/reading).\n`) },
  },
  {
    name: 'link-without-trailing-slash',
    about: 'a link to a post without its trailing slash',
    files: { [P]: post({}, `${BODY}\nSee [our rules](/schools/oak-primary/reading-rules).\n`) },
  },
  {
    name: 'link-archive-year-without-posts',
    about: 'a link to an archive year that has no posts',
    files: { [P]: post({}, `${BODY}\nSee [the archive](/archive/1999/).\n`) },
  },
  {
    name: 'link-web-and-mail-accepted',
    about: 'links to web addresses and mail are left alone',
    files: {
      [P]: post({}, `${BODY}\nRead [the web page](https://example.org/) or [mail us](mailto:office@example.org).\n`),
    },
  },
  // MDX
  {
    name: 'mdx-less-than',
    about: '"<50%" in an MDX post',
    files: { [X]: post({}, `${BODY}\nAttendance was <50% in the first week.\n`) },
  },
  {
    name: 'mdx-braces-and-less-than',
    about: 'several MDX pitfalls in one post: every place is named',
    files: {
      [X]: post({}, `${BODY}\nDear {child name}, welcome.\n\nScores under <10 are low; ask {teacher}.\n`),
    },
  },
  {
    name: 'mdx-expression-that-parses',
    about: '"{year}" parses as code in MDX and would stop the build',
    files: { [X]: post({}, `${BODY}\nOur {year} group did well.\n`) },
  },
  {
    name: 'mdx-comment-accepted',
    about: 'an MDX comment',
    files: { [X]: post({}, `${BODY}\n{/* Check the figures with Sam. */}\n`) },
  },
  {
    name: 'md-less-than-accepted',
    about: 'the same "<50%" and "{child name}" in a Markdown post are plain text',
    files: { [P]: post({}, `${BODY}\nAttendance was <50%. Dear {child name}, welcome.\n`) },
  },
  {
    name: 'mdx-import-missing',
    about: 'an import of a component that is not there',
    files: { [X]: post({}, `import Gallery from '../../components/Gallery.astro';\n\n${BODY}\n<Gallery />\n`) },
  },
  {
    name: 'mdx-attribute-undefined',
    about: 'an MDX attribute naming something the post never defined',
    files: { [X]: post({}, `${BODY}\n<img src={photo} alt="Our garden" />\n`) },
  },
  {
    name: 'list-items-run-together',
    about: 'a second list item indented more than the first, which YAML joins to it',
    files: { [P]: post({ topics: null }).replace('---\n\n', 'topics:\n- reading\n  - wellbeing\n---\n\n') },
  },
  {
    name: 'mdx-component-not-imported',
    about: 'a component used without an import',
    files: { [X]: post({}, `${BODY}\n<Callout>Remember the trip forms.</Callout>\n`) },
  },
  {
    name: 'mdx-html-comment',
    about: 'an HTML comment in MDX',
    files: { [X]: post({}, `${BODY}\n<!-- note to self -->\n`) },
  },
];
