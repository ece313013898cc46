import { formatNames, type SourceFormat } from './model.ts';

const bump = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

/** Everything an import did, counted, for a person to read (and `--dry-run` to preview). */
export class ImportReport {
  format: SourceFormat | undefined;
  source = '';
  into = '';
  dryRun = false;
  /** Files as written, relative to the project. */
  imported: string[] = [];
  drafts: string[] = [];
  unchanged = 0;
  updated: string[] = [];
  /** Edited by a writer since they were imported: left alone. */
  keptEdited: string[] = [];
  /** Changed on the old blog since the last import; `--update` would refresh them. */
  changedAtSource: string[] = [];
  skipped = new Map<string, number>();
  commentsKept = 0;
  mentionsKept = 0;
  commentsDropped = new Map<string, number>();
  imagesSaved = 0;
  imagesReused = 0;
  imagesMissing: { file: string; url: string; reason: string }[] = [];
  altFromFileName: { file: string; alt: string }[] = [];
  shortcodesConverted = new Map<string, number>();
  shortcodesLeft = new Map<string, { count: number; files: Set<string> }>();
  embeds = 0;
  authorsMatched = new Map<string, string>();
  authorsCreated = new Map<string, string>();
  termsToTopics = new Map<string, string>();
  tags = new Map<string, number>();
  termsDropped = new Map<string, number>();
  defaultTopic: { topic: string; files: string[] } | undefined;
  slugClashes: { title: string; slug: string }[] = [];
  caseStudies: string[] = [];
  rules: string[] = [];
  linksRewritten = 0;
  linksUnresolved: { file: string; href: string }[] = [];
  redirectsAdded = 0;
  redirectsTotal = 0;
  redirectsFile = '';
  seconds = 0;

  skip(reason: string) {
    bump(this.skipped, reason);
  }
  dropComment(reason: string, count = 1) {
    bump(this.commentsDropped, reason, count);
  }
  leftShortcode(name: string, count: number, file: string) {
    const entry = this.shortcodesLeft.get(name) ?? { count: 0, files: new Set<string>() };
    entry.count += count;
    entry.files.add(file);
    this.shortcodesLeft.set(name, entry);
  }
  convertedShortcode(name: string, count: number) {
    bump(this.shortcodesConverted, name, count);
  }
  tag(name: string) {
    bump(this.tags, name);
  }
  droppedTerm(name: string) {
    bump(this.termsDropped, name);
  }

  get postsWritten() {
    return this.imported.length + this.drafts.length;
  }

  /** The report as Markdown: written as `import-report.md` and printed at the end. */
  render(): string {
    const lines: string[] = [];
    const list = (items: string[], limit = 50) => {
      for (const item of items.slice(0, limit)) lines.push(`- ${item}`);
      if (items.length > limit) lines.push(`- … and ${items.length - limit} more`);
    };
    const counted = (map: Map<string, number>) =>
      [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, n]) => `${name}: ${n}`);
    const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

    lines.push(`# Import report${this.dryRun ? ' (dry run: nothing was written)' : ''}`, '');
    lines.push(
      `From ${this.source} (${this.format ? formatNames[this.format] : 'unknown format'}) into \`${this.into}\`.`,
      '',
    );

    lines.push('## Posts', '');
    lines.push(`- Imported and published: ${this.imported.length}`);
    lines.push(
      `- Imported as drafts (\`draft: true\`, not published until a writer removes it): ${this.drafts.length}`,
    );
    if (this.unchanged) lines.push(`- Already imported and unchanged: ${this.unchanged}`);
    if (this.updated.length) lines.push(`- Refreshed from the old blog (\`--update\`): ${this.updated.length}`);
    if (this.skipped.size) lines.push(`- Skipped: ${counted(this.skipped).join(', ')}`);
    if (this.keptEdited.length) {
      lines.push('', 'Edited here since they were imported, so left exactly as they are:', '');
      list(this.keptEdited);
    }
    if (this.changedAtSource.length) {
      lines.push(
        '',
        'Changed on the old blog since the last import; run the import again with `--update` to refresh them (edits made here are never overwritten):',
        '',
      );
      list(this.changedAtSource);
    }
    if (this.slugClashes.length) {
      lines.push('', 'Two posts wanted the same address, so these got a number at the end:', '');
      list(this.slugClashes.map((c) => `“${c.title}” → \`${c.slug}\``));
    }
    if (this.rules.length) {
      lines.push(
        '',
        'Imported as rules of thumb (a numbered list, and the title says so): check each rule reads well on its own.',
        '',
      );
      list(this.rules);
    }
    if (this.caseStudies.length) {
      lines.push(
        '',
        'These read like case studies. They were imported as reflections; to make one a case study, set `kind: case-study` and add a `caseStudy:` block with `setting`, `period`, `focus` and `outcomes` (see the README):',
        '',
      );
      list(this.caseStudies);
    }

    lines.push('', '## Comments', '');
    lines.push(
      `- Kept: ${this.commentsKept} (names, dates and words only: no email or IP address is written anywhere)`,
    );
    lines.push(`- Kept as “mentioned by” links (pingbacks and trackbacks): ${this.mentionsKept}`);
    lines.push(`- Dropped: ${this.commentsDropped.size ? counted(this.commentsDropped).join(', ') : 'none'}`);

    lines.push('', '## Pictures', '');
    lines.push(`- Saved beside their posts, with their metadata (camera, location) removed: ${this.imagesSaved}`);
    if (this.imagesReused) lines.push(`- Already saved by an earlier import: ${this.imagesReused}`);
    lines.push(`- Missing: ${this.imagesMissing.length}`);
    if (this.imagesMissing.length) {
      lines.push(
        '',
        'These could not be fetched. Each post still links to the old address, which readers’ browsers will not load; save the picture beside the post and change the link to its file name (`npm run check` lists them too):',
        '',
      );
      list(this.imagesMissing.map((m) => `${m.file}: ${m.url} (${m.reason})`));
    }
    if (this.altFromFileName.length) {
      lines.push(
        '',
        'Pictures with no description, given one from their file name: replace it with what the picture shows:',
        '',
      );
      list(this.altFromFileName.map((a) => `${a.file}: “${a.alt}”`));
    }

    lines.push('', '## Shortcodes and embeds', '');
    lines.push(`- Converted: ${this.shortcodesConverted.size ? counted(this.shortcodesConverted).join(', ') : 'none'}`);
    lines.push(`- Videos and other embeds turned into links: ${this.embeds}`);
    if (this.shortcodesLeft.size) {
      lines.push(
        '',
        'Left as text, because Commonroom has nothing like them (edit or delete them in these posts):',
        '',
      );
      list([...this.shortcodesLeft].map(([name, e]) => `\`[${name}]\` × ${e.count}: ${[...e.files].join(', ')}`));
    } else lines.push('- Left as text: none');

    lines.push('', '## Authors', '');
    lines.push(
      `- Matched to existing authors: ${this.authorsMatched.size ? [...this.authorsMatched].map(([n, id]) => `${n} → \`${id}\``).join(', ') : 'none'}`,
    );
    lines.push(
      `- Created: ${this.authorsCreated.size ? [...this.authorsCreated].map(([n, file]) => `${n} (${file}: write their role and a short bio)`).join(', ') : 'none'}`,
    );

    lines.push('', '## Categories and tags', '');
    lines.push(
      `- Mapped to the network’s topics: ${this.termsToTopics.size ? [...this.termsToTopics].map(([t, id]) => `${t} → \`${id}\``).join(', ') : 'none'}`,
    );
    lines.push(`- Dropped as noise: ${this.termsDropped.size ? counted(this.termsDropped).join(', ') : 'none'}`);
    if (this.tags.size) {
      lines.push(
        '',
        'Kept as `tags`. Those used often are candidates for new topics (add `content/topics/<id>.yaml`, then list the id in the posts’ `topics`):',
        '',
      );
      list(counted(this.tags), 40);
    }
    if (this.defaultTopic) {
      lines.push(
        '',
        `${plural(this.defaultTopic.files.length, 'post')} matched no topic and were filed under \`${this.defaultTopic.topic}\` (every post needs one): give them better topics.`,
        '',
      );
      list(this.defaultTopic.files, 20);
    }

    lines.push('', '## Links and old addresses', '');
    lines.push(`- Links between imported posts rewritten to their new addresses: ${this.linksRewritten}`);
    if (this.linksUnresolved.length) {
      lines.push(
        `- Links to the old blog that could not be resolved (kept as plain text): ${this.linksUnresolved.length}`,
      );
      list(
        this.linksUnresolved.map((l) => `${l.file}: ${l.href}`),
        20,
      );
    }
    lines.push(
      `- Redirects from old addresses: ${this.redirectsAdded} added, ${this.redirectsTotal} in ${this.redirectsFile || 'content/redirects.yaml'}. Every build writes them for Netlify and Cloudflare Pages (\`_redirects\`); \`npm run redirects\` writes them for nginx, Apache and CloudFront.`,
    );
    lines.push('', `Took ${this.seconds.toFixed(1)} s.`);
    return `${lines.join('\n')}\n`;
  }
}
