import type { AstroIntegration } from 'astro';
import type { BuildFacts } from '../lib/build-facts.ts';

const moduleId = 'virtual:commonroom/build';
const resolvedId = `\0${moduleId}`;

/**
 * Hands the build's facts to pages as `virtual:commonroom/build`. Whether this is a preview is known only
 * from Astro's command, so it is decided here; the rest comes from the settings and other integrations.
 * Drafts follow the command, not `import.meta.env.DEV`, which tracks NODE_ENV and a test runner may set it.
 */
export default function virtualBuild(facts: Omit<BuildFacts, 'preview'>): AstroIntegration {
  return {
    name: 'commonroom:virtual-build',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const value: BuildFacts = { ...facts, preview: command === 'dev' };
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'commonroom:virtual-build',
                resolveId: (id: string) => (id === moduleId ? resolvedId : undefined),
                load: (id: string) => (id === resolvedId ? `export default ${JSON.stringify(value)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
