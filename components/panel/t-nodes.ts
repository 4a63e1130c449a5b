/**
 * A message with elements in it ("with <strong>Dana</strong>", "due <time>…</time>"): the whole sentence
 * is one catalog message with `$1`… where the elements go, so translators can move them.
 */
import { type ComponentChild, Fragment, h, type VNode } from 'preact';
import { type MessageKey, t } from '@/lib/i18n';

// Private-use characters: never in a translation, so they mark where each element goes.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = new RegExp(`${OPEN}(\\d)${CLOSE}`);

export function tNodes(key: MessageKey, ...nodes: ComponentChild[]): VNode {
  const text = t(key, ...nodes.map((_node, index) => `${OPEN}${index}${CLOSE}`));
  const parts = text.split(MARKER).map((part, index) => (index % 2 === 1 ? nodes[Number(part)] : part));
  return h(Fragment, null, ...parts.filter((part) => part !== ''));
}
