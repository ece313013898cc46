/**
 * Sveltia CMS's npm build still names two third-party origins: its interface fonts in `@font-face` rules on
 * a CDN (it also registers the same fonts from its own `assets/`, but the browser fetches both), and
 * GitHub's status page, polled while the editor is open. Commonroom makes no third-party requests, so the
 * bundle is rewritten: the fonts point at the copies shipped in the package, and the status poll is left
 * out (a failing GitHub call still shows Sveltia's own error).
 */

const cdnFont = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+)\.woff2/g;
const statusCheck = /checkStatus:[A-Za-z_$][\w$]*/g;

export interface SelfHosted {
  code: string;
  /** How many font addresses and status checks were rewritten, so a build can tell when Sveltia changed. */
  fonts: number;
  statusChecks: number;
}

/**
 * Rewrites Sveltia's script. `fontFiles` are the names of the font files in its `assets/` folder; a CDN font
 * without a local copy is an error, naming the font.
 */
export function selfHostSveltia(code: string, fontFiles: readonly string[], assetsPath = 'assets/'): SelfHosted {
  let fonts = 0;
  let statusChecks = 0;
  const rewritten = code
    .replace(cdnFont, (_match, family: string, subset: string) => {
      const local = fontFiles.find((file) => file.startsWith(`${family}-${subset}-`) && file.endsWith('.woff2'));
      if (!local)
        throw new Error(`Sveltia CMS loads the font "${family}" (${subset}) from a CDN and ships no copy of it`);
      fonts++;
      return `${assetsPath}${local}`;
    })
    .replace(statusCheck, () => {
      statusChecks++;
      return 'checkStatus:void 0';
    });
  return { code: rewritten, fonts, statusChecks };
}
