/**
 * Where the browser editor commits, from the `editor:` block of `network.yaml`: Sveltia's `backend` options,
 * whether posts go through review, and the origins the editor's Content-Security-Policy must allow.
 */
import type { EditorData } from '../../schemas/editor.ts';

export interface Backend {
  /** Sveltia's `backend` block. */
  backend: Record<string, unknown>;
  publishMode: 'simple' | 'editorial_workflow';
  /** Origins the editor fetches from (the forge's API, sign-in and avatars), for `connect-src` and `img-src`. */
  connect: string[];
  images: string[];
  /** Things the person building the site should act on, e.g. that review needs a branch on Forgejo. */
  notes: string[];
  /** Things worth knowing that need no action, e.g. that the editor works only on this computer for now. */
  info?: string[];
}

const origin = (address: string) => new URL(address).origin;
const defined = (entries: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));

/**
 * Without an `editor:` block the editor still opens a folder on the writer's own computer (its local
 * repository mode, while `npm run dev` runs); the GitHub back end named here is never reached, as no
 * origin is allowed for it.
 */
const localOnly: Backend = {
  backend: { name: 'github', repo: 'not-configured/see-docs-editor-md', auth_methods: ['token'] },
  publishMode: 'simple',
  connect: [],
  images: [],
  // A new network has no forge yet; that is a stage, not a mistake, so it is said without a warning.
  notes: [],
  info: [
    'network.yaml has no editor: block, so /admin/ can only open a folder on this computer (npm run dev). See docs/editor.md.',
  ],
};

export function backendFor(editor: EditorData | undefined): Backend {
  if (!editor) return localOnly;
  const review = editor.review ? 'editorial_workflow' : 'simple';
  const common = { repo: editor.repo, branch: editor.branch };
  switch (editor.forge) {
    case 'github': {
      const api = editor.server ? `${origin(editor.server)}/api/v3` : 'https://api.github.com';
      return {
        backend: defined({
          name: 'github',
          ...common,
          api_root: editor.server ? api : undefined,
          base_url: editor.signInRelay ? origin(editor.signInRelay) : undefined,
          auth_methods: editor.signInRelay ? ['oauth', 'token'] : ['token'],
        }),
        publishMode: review,
        connect: [origin(api)],
        images: editor.server ? [origin(editor.server)] : ['https://avatars.githubusercontent.com'],
        notes: [],
      };
    }
    case 'gitlab': {
      const server = origin(editor.server ?? 'https://gitlab.com');
      return {
        backend: defined({
          name: 'gitlab',
          ...common,
          api_root: editor.server ? `${server}/api/v4` : undefined,
          base_url: editor.server ? server : undefined,
          auth_type: editor.clientId ? 'pkce' : undefined,
          app_id: editor.clientId,
          auth_methods: editor.clientId ? ['oauth', 'token'] : ['token'],
        }),
        publishMode: review,
        connect: [server],
        images: [server, 'https://secure.gravatar.com'],
        notes: [],
      };
    }
    case 'forgejo': {
      const server = origin(editor.server ?? 'https://codeberg.org');
      return {
        backend: defined({
          name: 'gitea',
          ...common,
          api_root: `${server}/api/v1`,
          base_url: server,
          app_id: editor.clientId,
          auth_methods: editor.clientId ? ['oauth', 'token'] : ['token'],
        }),
        // Sveltia's review workflow needs pull-request labels, which it supports on GitHub and GitLab only.
        publishMode: 'simple',
        connect: [server],
        images: [server],
        notes:
          editor.review && !editor.branch
            ? [
                'editor: Forgejo cannot hold posts for review inside the editor. Set editor.branch to a branch the site is not built from (e.g. writing) and merge it by pull request. See docs/editor.md.',
              ]
            : [],
      };
    }
  }
}
