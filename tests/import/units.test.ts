import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentHtml, threadComments } from '../../src/lib/comments.ts';
import {
  renderApache,
  renderCloudFrontFunction,
  renderNginx,
  renderRedirectsFile,
  resolveRedirects,
} from '../../src/lib/hosting/redirects.ts';
import { bodyToMarkdown, parseBody } from '../../src/lib/import/html-to-markdown.ts';
import { altFromFileName, originalCandidates } from '../../src/lib/import/images.ts';
import { guessKind, matchAuthor, sortTerms } from '../../src/lib/import/match.ts';
import { OldAddresses, redirectFrom } from '../../src/lib/import/old-urls.ts';
import { firstSentences } from '../../src/lib/import/text.ts';
import { autop, expandShortcodes, flattenBlocks, newTally } from '../../src/lib/import/wordpress.ts';
import { WriteQueue } from '../../src/lib/import/write-queue.ts';
import { commentsSchema } from '../../src/schemas/comments.ts';
import { createUrls } from '../../src/lib/urls.ts';

const markdown = (html: string, rewrite: (href: string) => string | undefined = () => undefined) =>
  bodyToMarkdown(parseBody(html, { rewrite, base: 'https://old.example.org/' }));
const context = { attachments: new Map(), attachedTo: new Map(), postKey: '1' };

describe('HTML to Markdown', () => {
  it('turns <br><br> runs inside <div>s into paragraphs and keeps single breaks', () => {
    expect(markdown('<div>One<br><br>Two<br>and a half<br /><br /><br /></div><div><br></div><div>Three</div>')).toBe(
      'One\n\nTwo\\\nand a half\n\nThree\n',
    );
  });

  it('drops scripts, styles, empty wrappers and &nbsp; runs', () => {
    expect(
      markdown(
        '<p style="color:red"><span>Hello</span>&nbsp;&nbsp;&nbsp;<b> </b>world<script>alert(1)</script></p><p>&nbsp;</p>',
      ),
    ).toBe('Hello world\n');
  });

  it('keeps the numbering of an ordered list that does not start at 1', () => {
    expect(markdown('<ol start="4"><li>Four</li><li>Five</li></ol>')).toBe('4. Four\n5. Five\n');
  });

  it('makes a post’s h1 headings h2, since the title is the page’s h1', () => {
    expect(markdown('<h1>Big</h1><h2>Smaller</h2>')).toBe('## Big\n\n### Smaller\n');
  });

  it('turns players into links and relative links into absolute ones', () => {
    expect(markdown('<iframe src="https://www.youtube.com/embed/abcdefghijk"></iframe>')).toBe(
      '[Watch the video: https://www.youtube.com/watch?v=abcdefghijk](https://www.youtube.com/watch?v=abcdefghijk)\n',
    );
    expect(markdown('<p><a href="/about/">About</a></p>')).toBe('[About](https://old.example.org/about/)\n');
    expect(markdown('<p><a href="javascript:alert(1)">Click</a></p>')).toBe('Click\n');
  });

  it('rewrites links to imported posts and keeps the fragment', () => {
    const addresses = new OldAddresses('https://old.example.org');
    addresses.add('https://old.example.org/2019/03/reading/', '/schools/oak/reading/');
    addresses.add('/?p=12', '/schools/oak/reading/');
    const find = (href: string) => addresses.find(href);
    expect(markdown('<a href="http://www.old.example.org/2019/03/reading#part-2">x</a>', find)).toBe(
      '[x](/schools/oak/reading/#part-2)\n',
    );
    expect(markdown('<a href="https://old.example.org/?p=12">x</a>', find)).toBe('[x](/schools/oak/reading/)\n');
    expect(markdown('<a href="https://elsewhere.example.net/2019/03/reading/">x</a>', find)).toBe(
      '[x](https://elsewhere.example.net/2019/03/reading/)\n',
    );
  });
});

describe('WordPress content', () => {
  it('adds paragraphs to classic-editor text as wpautop does, leaving <pre> alone', () => {
    expect(autop('First line\nsecond line\n\nNext paragraph\n<pre>a\n\nb</pre>')).toBe(
      '<p>First line<br>\nsecond line</p>\n<p>Next paragraph</p>\n<pre>a\n\nb</pre>',
    );
  });

  it('expands known shortcodes and leaves unknown ones as text, counted', () => {
    const tally = newTally();
    const html = expandShortcodes(
      '[caption caption="A hall"]<img src="https://x/y.jpg" alt="">[/caption] [poll id="3"] [[caption]] [sic]',
      context,
      tally,
    );
    expect(html).toContain('<figure><img src="https://x/y.jpg" alt=""><figcaption>A hall</figcaption></figure>');
    expect(html).toContain('[poll id="3"]');
    expect(html).toContain('[caption]');
    expect(html).toContain('[sic]');
    expect(Object.fromEntries(tally.converted)).toEqual({ caption: 1 });
    expect(Object.fromEntries(tally.left)).toEqual({ poll: 1 });
  });

  it('reads block-editor comments with WordPress’s parser instead of leaving them in the text', () => {
    const html = flattenBlocks(
      '<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph -->\n<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n<!-- wp:embed {"url":"https://youtu.be/abcdefghijk"} -->\n<figure><div>https://youtu.be/abcdefghijk</div></figure>\n<!-- /wp:embed -->',
    );
    expect(html).not.toContain('wp:');
    expect(html).toContain('<!--more-->');
    expect(html).toContain('[embed]https://youtu.be/abcdefghijk[/embed]');
  });
});

describe('pictures', () => {
  it('finds the original of WordPress and Blogger resized copies', () => {
    expect(originalCandidates('https://x.org/wp-content/uploads/2019/03/a-300x200.jpg')).toEqual([
      'https://x.org/wp-content/uploads/2019/03/a.jpg',
      'https://x.org/wp-content/uploads/2019/03/a-300x200.jpg',
    ]);
    expect(originalCandidates('https://x.files.wordpress.com/2019/03/a.jpg?w=300&h=200')[0]).toBe(
      'https://x.files.wordpress.com/2019/03/a.jpg',
    );
    expect(originalCandidates('https://1.bp.blogspot.com/-abc/XYZ/AAA/def/s320/photo.jpg')[0]).toBe(
      'https://1.bp.blogspot.com/-abc/XYZ/AAA/def/s0/photo.jpg',
    );
    expect(originalCandidates('https://blogger.googleusercontent.com/img/b/R29v/abc=w400-h300')[0]).toBe(
      'https://blogger.googleusercontent.com/img/b/R29v/abc=s0',
    );
  });

  it('makes a file name readable for a picture that came with no description', () => {
    expect(altFromFileName('https://x.org/uploads/year-6_reading-corner-300x200.jpg')).toBe('Year 6 reading corner');
    expect(altFromFileName('https://x.org/IMG_2041.JPG')).toBe('Photo 2041');
  });
});

describe('matching', () => {
  const topics = [
    { id: 'send', name: 'SEND and ALN' },
    { id: 'cpd', name: 'Professional development' },
    { id: 'reading', name: 'Reading' },
  ];

  it('maps categories to topics by id or name, drops noise and keeps the rest as tags', () => {
    expect(
      sortTerms(
        [
          { kind: 'category', name: 'Uncategorized' },
          { kind: 'category', name: 'professional development' },
          { kind: 'tag', name: 'SEND' },
          { kind: 'tag', name: 'Readings' },
          { kind: 'tag', name: 'Class novels' },
        ],
        topics,
      ),
    ).toEqual({ topics: ['cpd', 'send', 'reading'], tags: ['Class novels'], dropped: ['Uncategorized'] });
  });

  it('matches authors by email first, then by name ignoring case and accents', () => {
    const known = [
      { id: 'gwen-llyr', name: 'Gwen Llŷr' },
      { id: 'ann-head', name: 'Ann Head', email: 'ann@oak.sch.uk' },
    ];
    expect(matchAuthor({ key: 'x', name: 'Mrs Head', email: 'ANN@oak.sch.uk' }, known)?.id).toBe('ann-head');
    expect(matchAuthor({ key: 'x', name: 'gwen llyr' }, known)?.id).toBe('gwen-llyr');
    expect(matchAuthor({ key: 'x', name: 'Someone Else' }, known)).toBeUndefined();
  });

  it('calls a post rules of thumb only when it is mostly a numbered list and says so', () => {
    const list = '1. **One.** a\n2. **Two.** b\n3. **Three.** c\n';
    expect(guessKind('Three rules for corridors', list).kind).toBe('rules-of-thumb');
    expect(guessKind('Our corridors', list).kind).toBe('reflection');
    expect(
      guessKind('Three rules for corridors', `${'A long paragraph of reflection. '.repeat(20)}\n\n${list}`).kind,
    ).toBe('reflection');
    expect(guessKind('A case study of our corridors', 'Text.').caseStudy).toBe(true);
  });

  it('cuts a description at a sentence end', () => {
    expect(firstSentences(`${'Short sentence here. '.repeat(20)}`, 100)).toBe(
      'Short sentence here. Short sentence here. Short sentence here. Short sentence here.',
    );
  });
});

describe('redirects', () => {
  const urls = createUrls({
    networkSite: 'https://net.example.org',
    base: '/',
    scope: { type: 'network' },
    schools: [{ id: 'oak', families: [] }],
  });
  const redirects = resolveRedirects(
    [
      { from: '/2019/03/reading/', to: '/schools/oak/reading/' },
      { from: '/?p=12', to: '/schools/oak/reading/' },
      { from: '/feeds/posts/default', to: '/feeds/schools/oak/atom.xml' },
    ],
    urls,
  );

  it('never takes over a network page', () => {
    expect(redirectFrom('https://old.example.org/schools/')).toBeUndefined();
    expect(redirectFrom('https://old.example.org/')).toBeUndefined();
    expect(redirectFrom('https://old.example.org/?p=3')).toBe('/?p=3');
  });

  it('writes Netlify rules with query rules first', () => {
    expect(renderRedirectsFile(redirects).split('\n').slice(1, 4)).toEqual([
      '/  p=12  /schools/oak/reading/  301',
      '/2019/03/reading/  /schools/oak/reading/  301',
      '/feeds/posts/default  /feeds/schools/oak/atom.xml  301',
    ]);
  });

  it('follows the build’s base and scope', () => {
    const sub = createUrls({
      networkSite: 'https://net.example.org',
      base: '/commonroom/',
      scope: { type: 'school', id: 'oak' },
      schools: [{ id: 'oak', families: [], site: 'https://oak.example.sch.uk' }],
    });
    expect(resolveRedirects([{ from: '/a/', to: '/schools/oak/reading/' }], sub)[0]!.to).toBe('/commonroom/reading/');
  });

  it('writes nginx, Apache and CloudFront forms of the same map', () => {
    const nginx = renderNginx(redirects);
    expect(nginx).toContain('location = "/2019/03/reading/" {\n    return 301 "/schools/oak/reading/";\n}');
    expect(nginx).toContain('location = "/2019/03/reading" {');
    expect(nginx).toContain(
      'location = "/" {\n    include snippets/commonroom-headers.conf;\n    if ($arg_p = "12") { return 301 "/schools/oak/reading/"; }\n    try_files $uri $uri/ =404;\n}',
    );
    const apache = renderApache(redirects);
    expect(apache).toContain(
      'RewriteCond %{QUERY_STRING} (^|&)p=12(&|$)\nRewriteRule ^$ /schools/oak/reading/ [R=301,L,QSD]',
    );
    expect(apache).toContain('RewriteRule ^2019/03/reading/?$ /schools/oak/reading/ [R=301,L,QSD]');
    const cloudfront = renderCloudFrontFunction(redirects);
    const handler = new Function(`${cloudfront}; return handler;`)() as (event: unknown) => {
      statusCode?: number;
      headers?: { location: { value: string } };
    };
    const request = (uri: string, querystring = {}) => handler({ request: { uri, querystring } });
    expect(request('/2019/03/reading').headers?.location.value).toBe('/schools/oak/reading/');
    expect(request('/', { p: { value: '12' } }).statusCode).toBe(301);
    expect(request('/', {}).statusCode).toBeUndefined();
  });
});

describe('comment archives', () => {
  const comments = commentsSchema.parse({
    comments: [
      { id: '2', parent: '1', name: 'B', date: '2020-01-02', text: 'Reply' },
      {
        id: '1',
        name: 'A',
        date: '2020-01-01',
        text: 'First <script>alert(1)</script> [link](https://x.example.net) ![pic](https://x/y.jpg)',
      },
    ],
  });

  it('threads replies under their parent, oldest first', () => {
    const threads = threadComments(comments.comments);
    expect(threads.map((t) => t.comment.id)).toEqual(['1']);
    expect(threads[0]!.replies.map((t) => t.comment.id)).toEqual(['2']);
  });

  it('renders a comment without any HTML it carried, links marked as a commenter’s, pictures as words', () => {
    const html = commentHtml(comments.comments[1]!.text);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://x.example.net" rel="nofollow ugc">link</a>');
    expect(html).toContain('pic');
  });

  it('refuses a reply to a comment that is not there, and an email for a name', () => {
    const result = commentsSchema.safeParse({
      comments: [{ id: '1', parent: '9', name: 'someone@example.net', date: '2020-01-01', text: 'x' }],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.message)).toEqual([
      '"9" is not the id of a comment in this file',
      'looks like an email address: write the commenter’s name instead, never their email',
    ]);
  });
});

describe('writing in the background', () => {
  it('writes every file, in order, keeps the backlog bounded and reports the first failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commonroom-write-queue-'));
    try {
      const queue = new WriteQueue(4);
      for (let i = 0; i < 40; i++) {
        queue.add(join(dir, `f${i}.md`), `file ${i}\n`);
        await queue.drain();
        // After a drain at most the limit wait, plus the one being written (its file may exist, empty).
        expect(readdirSync(dir).length).toBeGreaterThanOrEqual(i + 1 - 4 - 1);
      }
      await queue.flush();
      expect(readdirSync(dir)).toHaveLength(40);
      expect(readFileSync(join(dir, 'f39.md'), 'utf8')).toBe('file 39\n');

      const failing = new WriteQueue();
      failing.add(join(dir, 'missing-folder', 'a.md'), 'a');
      failing.add(join(dir, 'b.md'), 'b');
      await expect(failing.flush()).rejects.toThrow(/ENOENT/);
      expect(existsSync(join(dir, 'b.md'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
