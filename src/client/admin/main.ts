/**
 * The browser editor at `/admin/`: Sveltia CMS from npm, bundled by `src/integrations/admin.ts`, with a post
 * preview that uses the site's own stylesheet and markup (numbered rules, the case-study panel).
 * `config.yml` beside the page is generated from the content schemas.
 */
import CMS from '@sveltia/cms';
import type { PostKind } from '../../schemas/post.ts';
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

type GetAsset = PreviewProps['getAsset'];

/**
 * Makes the preview's text look as the post page will: the first top-level numbered list becomes the rules
 * with their numbers (as `remark-rule-anchors` marks it at build time), and images
 * beside the post (`./chart.png`) are shown from the editor's copy. The text is re-rendered as the writer
 * types, so it is watched.
 */
const dressText = (getAsset: GetAsset) => (article: HTMLElement | null) => {
  if (!article) return;
  const dress = () => {
    const list = article.querySelector<HTMLOListElement>('.prose ol:not(li ol)');
    if (list && !list.classList.contains('rules')) {
      list.classList.add('rules');
      const start = Number(list.getAttribute('start') ?? 1);
      Array.from(list.children).forEach((item, index) => {
        item.classList.add('rule');
        // The number the site shows, a link to the rule itself (`remark-rule-anchors` writes the same).
        const number = document.createElement('a');
        number.className = 'rule-number';
        number.href = `#rule-${start + index}`;
        number.textContent = String(start + index);
        const first = item.firstElementChild;
        (first?.tagName === 'P' ? first : item).prepend(number);
      });
    }
    for (const image of Array.from(article.querySelectorAll<HTMLImageElement>('.prose img'))) {
      const source = image.getAttribute('src') ?? '';
      if (!source || /^(?:[a-z]+:|\/)/i.test(source)) continue;
      const asset = getAsset(source) ?? getAsset(source.replace(/^\.\//, ''));
      if (asset?.url) image.src = asset.url;
    }
  };
  dress();
  new MutationObserver(dress).observe(article, { childList: true, subtree: true });
};

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
  const hero =
    typeof heroPath === 'string' && heroPath
      ? (getAsset(heroPath) ?? getAsset(heroPath.replace(/^\.\//, '')))
      : undefined;
  const study =
    kind === 'case-study' ? ((field('caseStudy') as ImmutableLike | undefined)?.toJS?.() as CaseStudyData) : undefined;
  return h(
    'div',
    { className: 'wrap' },
    h(
      'article',
      { ref: dressText(getAsset) },
      h(
        'header',
        { className: 'post-head' },
        h('p', { className: 'eyebrow' }, (page.kindLabels[lang.split('-')[0]!] ?? page.kindLabels['en'])?.[kind] ?? ''),
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
