import type { List, ListItem, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';

/** One numbered rule of a rules-of-thumb post, addressable as `#rule-<number>`. */
export interface Rule {
  number: number;
  anchor: string;
  /** The bold lead, or else the first sentence. */
  title: string;
  /** The rest of the rule as plain text. */
  text: string;
}

export const ruleAnchor = (number: number) => `rule-${number}`;

/** The post's rules: the items of its first top-level numbered list. */
export function findRuleList(tree: Root): List | undefined {
  return tree.children.find((node: RootContent): node is List => node.type === 'list' && node.ordered === true);
}

function splitRule(item: ListItem): { title: string; text: string } {
  const first = item.children[0];
  const whole = toString(item, { includeImageAlt: false }).replace(/\s+/g, ' ').trim();
  if (first?.type === 'paragraph') {
    const lead = first.children[0];
    if (lead && lead.type === 'strong') {
      const title = toString(lead).trim();
      return {
        title: title.replace(/[.:]$/, ''),
        text: whole.slice(whole.indexOf(title) + title.length).replace(/^[.:]?\s*/, ''),
      };
    }
  }
  const sentence = /^(.+?[.!?])(\s|$)/.exec(whole);
  const title = sentence ? sentence[1]! : whole;
  return { title: title.replace(/[.]$/, ''), text: whole.slice(title.length).trim() };
}

/** Rules from an already parsed tree (used by the remark plugin and by `extractRules`). */
export function rulesFromTree(tree: Root): Rule[] {
  const list = findRuleList(tree);
  if (!list) return [];
  const start = list.start ?? 1;
  return list.children.map((item, index) => {
    const number = start + index;
    return { number, anchor: ruleAnchor(number), ...splitRule(item) };
  });
}

/** Rules from a post's Markdown body; MDX components inside are treated as text. */
export function extractRules(body: string): Rule[] {
  return rulesFromTree(fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));
}
