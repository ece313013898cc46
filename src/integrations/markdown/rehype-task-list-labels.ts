import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { translator } from '../../lib/i18n.ts';
import { postPathLanguage } from '../../lib/post-language.ts';

/**
 * GFM task lists render disabled checkboxes with no label, which screen readers announce as
 * unlabelled form fields. The checkbox is hidden from assistive technology and its state is
 * spoken as text instead ("Done:" / "To do:"), in the post's language ("Wedi'i wneud:" in a Welsh post).
 */
export default function rehypeTaskListLabels() {
  return (tree: Root, file: VFile) => {
    let t: ReturnType<typeof translator> | undefined;
    const strings = () => {
      const frontmatter = (file.data as { astro?: { frontmatter?: { lang?: unknown } } }).astro?.frontmatter;
      return (t ??= translator(postPathLanguage(file.path, frontmatter?.lang) ?? 'en'));
    };
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li' || !String(node.properties.className ?? '').includes('task-list-item')) return;
      const box = node.children.find(
        (child): child is Element =>
          child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox',
      );
      if (!box) return;
      box.properties.ariaHidden = 'true';
      const state: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['sr-only'] },
        children: [{ type: 'text', value: `${strings()(box.properties.checked ? 'task.done' : 'task.toDo')} ` }],
      };
      node.children.splice(node.children.indexOf(box) + 1, 0, state);
    });
  };
}
