import { dirname, resolve } from 'node:path';
import type { Element, Root } from 'hast';
import sharp from 'sharp';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { MAX_IMAGE_WIDTH } from '../../lib/images/sizes.ts';

/**
 * A photo straight off a phone is 4,000 pixels wide; no reader's screen shows more than the reading column
 * at twice its width. Images in a post wider than that are given the capped width (and the height that
 * keeps their shape), so the optimised copies, the largest `srcset` entry included, stop there.
 */
export default function rehypeImageSizeCap() {
  return async (tree: Root, file: VFile) => {
    const folder = file.path ? dirname(file.path) : undefined;
    if (!folder) return;
    const images: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      const src = node.properties['src'];
      if (node.tagName === 'img' && typeof src === 'string' && /^\.{1,2}\//.test(src) && !node.properties['width'])
        images.push(node);
    });
    await Promise.all(
      images.map(async (node) => {
        const path = resolve(folder, decodeURI(String(node.properties['src'])));
        const { width, height } = await sharp(path)
          .metadata()
          .catch(() => ({ width: undefined, height: undefined }));
        if (!width || !height || width <= MAX_IMAGE_WIDTH) return;
        node.properties['width'] = MAX_IMAGE_WIDTH;
        node.properties['height'] = Math.round((height * MAX_IMAGE_WIDTH) / width);
      }),
    );
  };
}
