import type { AstroIntegration } from 'astro';

/**
 * Records whether this process is `astro dev`, the only place drafts and scheduled posts are shown.
 * `import.meta.env.DEV` is not used for that: it follows NODE_ENV, which a test runner or CI may set
 * to something other than "production" during a real build.
 */
export function previewMode(): AstroIntegration {
  return {
    name: 'commonroom:preview-mode',
    hooks: {
      'astro:config:setup': ({ command }) => {
        process.env.COMMONROOM_PREVIEW = command === 'dev' ? '1' : '0';
      },
    },
  };
}

export const isPreview = () => process.env.COMMONROOM_PREVIEW === '1';
