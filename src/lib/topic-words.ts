import type { Topic } from './network/types.ts';
import { sameLanguage } from './translate.ts';

/**
 * A topic as a page in `pageLang` names it: in the page's language where the topic has words in it (a Welsh
 * post on an English network says "Asesu"), else as the build shows it, with `lang` saying which.
 */
export function topicIn(topic: Topic, pageLang: string): Topic {
  if (sameLanguage(topic.lang, pageLang)) return topic;
  const own = topic.versions.find((version) => sameLanguage(version.lang, pageLang));
  return own ? { ...topic, ...own } : topic;
}
