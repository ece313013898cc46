import type { Scope } from './settings.ts';

/**
 * What the build's integrations tell pages, delivered as the virtual module `virtual:commonroom/build`
 * (see `src/integrations/virtual-build.ts`). Pages and `src/lib` read these facts from there, never from
 * an integration's module or the environment.
 */
export interface BuildFacts {
  /** True under `astro dev`: drafts and scheduled posts are shown with a banner. */
  preview: boolean;
  /** What this build covers: the network, a school's own site or a family's schools. */
  scope: Scope;
  /** The file pages append their social cards' inputs to, or undefined when cards are off. */
  cardManifest: string | undefined;
}
