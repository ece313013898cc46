/**
 * The embeds a post may hold (`<iframe src="…">`): each origin is allowed in the pages' `frame-src`,
 * and `npm run check` refuses an iframe from anywhere else. Only privacy-minded players are listed:
 * YouTube through youtube-nocookie.com, which sets no cookie until the reader presses play.
 */
export const embedOrigins = [
  { origin: 'https://www.youtube-nocookie.com', name: 'YouTube (privacy-enhanced)', path: /^\/embed\// },
  { origin: 'https://player.vimeo.com', name: 'Vimeo', path: /^\/video\// },
  { origin: 'https://www.google.com', name: 'Google Maps', path: /^\/maps\/embed/ },
] as const;

export type EmbedCheck = { ok: true } | { ok: false; message: string };

/** Whether an iframe's `src` is an allowed embed, and if not, how to make it one. */
export function checkEmbed(src: string): EmbedCheck {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return { ok: false, message: `iframe "${src}" is not a full web address: copy the embed code again from the site` };
  }
  const allowed = embedOrigins.find((embed) => embed.origin === url.origin && embed.path.test(url.pathname));
  if (allowed) return { ok: true };
  const youtube = /(?:^|\.)youtube\.com$|^youtu\.be$/.test(url.hostname)
    ? (/^\/embed\/([\w-]+)/.exec(url.pathname)?.[1] ??
      url.searchParams.get('v') ??
      (url.hostname === 'youtu.be' ? url.pathname.slice(1) : undefined))
    : undefined;
  if (youtube) {
    return {
      ok: false,
      message: `iframe "${src}" sets YouTube cookies: use the privacy-enhanced address https://www.youtube-nocookie.com/embed/${youtube}`,
    };
  }
  if (url.hostname === 'vimeo.com' && /^\/\d+/.test(url.pathname)) {
    return {
      ok: false,
      message: `iframe "${src}" is Vimeo's page, not its player: use https://player.vimeo.com/video${url.pathname}`,
    };
  }
  return {
    ok: false,
    message: `iframe "${src}" comes from ${url.hostname}, which the site does not allow to be embedded (only ${embedOrigins
      .map((embed) => embed.name)
      .join(', ')}): link to it instead, [watch it here](${src})`,
  };
}
