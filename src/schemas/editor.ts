import { z } from 'astro/zod';
import { url } from './common.ts';

/** Forges the browser editor can commit to. `forgejo` also covers Gitea. */
export const forges = ['github', 'gitlab', 'forgejo'] as const;

/**
 * The `editor:` block of `network.yaml`: where the browser editor at `/admin/` commits. Without it, `/admin/`
 * only opens a folder on the writer's own computer (while `npm run dev` runs).
 */
export const editorSchema = z.strictObject({
  /** `github`, `gitlab` or `forgejo` (Forgejo and Gitea). */
  forge: z.enum(forges),
  /** The network's repository, e.g. `borderlands/commonroom` (GitLab: `group/subgroup/project`). */
  repo: z
    .string()
    .regex(/^[\w.-]+(?:\/[\w.-]+)+$/, 'must be the repository as "owner/name", e.g. "borderlands/commonroom"'),
  /** The branch the editor commits to (default: the repository's default branch). */
  branch: z.string().min(1).optional(),
  /** A self-hosted forge's address, e.g. `https://git.example.org` (default: github.com, gitlab.com). */
  server: url.optional(),
  /**
   * GitLab and Forgejo: the client ID of the OAuth application the school created, so writers sign in from
   * the browser (PKCE). Without it they paste a personal access token.
   */
  clientId: z.string().min(1).optional(),
  /**
   * GitHub: the address of the sign-in relay the school deploys (e.g. Sveltia CMS Authenticator on
   * Cloudflare Workers), e.g. `https://sign-in.example.workers.dev`. Without it writers paste a token.
   */
  signInRelay: url.optional(),
  /** Whether a post waits for a second person's approval before it is published (default: yes). */
  review: z.boolean().default(true),
});

export type EditorData = z.infer<typeof editorSchema>;
export type Forge = (typeof forges)[number];
