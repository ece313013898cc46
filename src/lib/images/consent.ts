import type { ContentIssue } from '../content-issue.ts';

interface ConsentInput {
  file: string;
  /** Line of `photoConsent`, or of the front matter's start when it is absent. */
  line?: number;
  photoConsent: boolean | string[] | undefined;
  /** Every image the post shows: its hero and the images in its body, as written. */
  images: string[];
}

const normalise = (path: string) => path.replace(/^\.\//, '');

/**
 * Where a network requires it, a post with pictures must say that the people in them are covered by consent.
 * Returns the problem, in a form a headteacher can act on, or undefined when there is none.
 */
export function consentIssue({ file, line, photoConsent, images }: ConsentInput): ContentIssue | undefined {
  if (images.length === 0 || photoConsent === true) return undefined;
  const at = line ? { line } : {};
  if (photoConsent === undefined || photoConsent === false) {
    return {
      file,
      ...at,
      field: 'photoConsent',
      severity: 'error',
      code: 'photo-consent',
      message: `this post has pictures (${images.join(', ')}) and the network asks every post with photos to confirm consent: add \`photoConsent: true\` when everyone pictured is covered by your school's photo consent, or \`photoConsent: []\` when the pictures show nobody`,
    };
  }
  const listed = new Set(photoConsent.map(normalise));
  const unknown = photoConsent.filter((name) => !images.some((image) => normalise(image) === normalise(name)));
  if (unknown.length === 0 || listed.size === 0) return undefined;
  return {
    file,
    ...at,
    field: 'photoConsent',
    severity: 'error',
    code: 'photo-consent-list',
    message: `lists ${unknown.join(', ')}, which this post does not show: list the pictures it shows (${images.join(', ')})`,
  };
}
