/**
 * The browser editor at `/admin/`: Sveltia CMS from npm, bundled by `src/integrations/admin.ts`, with a post
 * preview that uses the site's own stylesheet and markup (numbered rules, the case-study panel).
 * `config.yml` beside the page is generated from the content schemas.
 */
import CMS from '@sveltia/cms';
import { translator } from '../../lib/i18n.ts';
import { postKinds, type PostKind } from '../../schemas/post.ts';
import type { AdminPageData } from '../../lib/cms/page.ts';

type Element = unknown;
type CreateElement = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;
interface ImmutableLike {
  get(key: string): unknown;
  toJS?(): unknown;
}
interface PreviewProps {
  entry: ImmutableLike;
  widgetFor: (name: string) => Element;
  getAsset: (path: string) => { url: string } | undefined;
}
interface CaseStudyData {
  setting?: string;
  period?: string;
  focus?: string;
  partners?: string[];
  outcomes?: string[];
  evidence?: { title?: string; url?: string }[];
}

const page = JSON.parse(document.getElementById('commonroom-admin')?.textContent ?? '{}') as AdminPageData;
const h = (globalThis as unknown as { h: CreateElement }).h;

/**
 * Marks the post's first top-level numbered list as its rules, as `remark-rule-anchors` does at build time,
 * so the site's stylesheet numbers them. The body is re-rendered as the writer types, so it is watched.
 */
function numberRules(article: HTMLElement | null): void {
  if (!article) return;
  const mark = () => {
    const list = article.querySelector<HTMLOListElement>('.prose ol:not(li ol)');
    if (!list || list.classList.contains('rules')) return;
    list.classList.add('rules');
    for (const item of Array.from(list.children)) item.classList.add('rule');
  };
  mark();
  new MutationObserver(mark).observe(article, { childList: true, subtree: true });
}

const glance = (study: CaseStudyData) =>
  h(
    'section',
    { className: 'panel glance', 'aria-labelledby': 'at-a-glance' },
    h('h2', { id: 'at-a-glance' }, 'At a glance'),
    h(
      'dl',
      null,
      h('dt', null, 'Setting'),
      h('dd', null, study.setting ?? ''),
      h('dt', null, 'Period'),
      h('dd', null, study.period ?? ''),
      h('dt', null, 'Focus'),
      h('dd', null, study.focus ?? ''),
      study.partners?.length ? [h('dt', null, 'Partners'), h('dd', null, study.partners.join(', '))] : null,
      h('dt', null, 'Outcomes'),
      h('dd', null, h('ul', null, ...(study.outcomes ?? []).map((outcome) => h('li', null, outcome)))),
      study.evidence?.length
        ? [
            h('dt', null, 'Evidence'),
            h(
              'dd',
              null,
              h(
                'ul',
                null,
                ...study.evidence.map((item) => h('li', null, h('a', { href: item.url }, item.title ?? item.url))),
              ),
            ),
          ]
        : null,
    ),
  );

function PostPreview({ entry, widgetFor, getAsset }: PreviewProps): Element {
  const data = entry.get('data') as ImmutableLike | undefined;
  const field = (name: string) => data?.get(name);
  const kind = String(field('kind') ?? '') as PostKind;
  const lang = String(field('lang') ?? 'en');
  const heroPath = field('hero');
  const hero = typeof heroPath === 'string' && heroPath ? getAsset(heroPath) : undefined;
  const study =
    kind === 'case-study' ? ((field('caseStudy') as ImmutableLike | undefined)?.toJS?.() as CaseStudyData) : undefined;
  return h(
    'div',
    { className: 'wrap' },
    h(
      'article',
      { ref: numberRules },
      h(
        'header',
        { className: 'post-head' },
        h('p', { className: 'eyebrow' }, postKinds.includes(kind) ? translator(lang)(`kind.${kind}`) : ''),
        h('h1', null, String(field('title') ?? '')),
        h('p', { className: 'lede' }, String(field('description') ?? '')),
      ),
      h(
        'div',
        { className: 'post-main' },
        hero ? h('img', { src: hero.url, alt: String(field('heroAlt') ?? '') }) : null,
        study ? glance(study) : null,
        h('div', { className: 'prose' }, widgetFor('body')),
      ),
    ),
  );
}

for (const style of page.styles ?? []) CMS.registerPreviewStyle(style);
for (const name of page.postCollections ?? []) {
  CMS.registerPreviewTemplate(name, PostPreview as unknown as Parameters<typeof CMS.registerPreviewTemplate>[1]);
}
void CMS.init();
