/**
 * Sending from a content script: like `client.ts`, but responses are checked with small guards
 * (./guards.ts) instead of zod, so content scripts stay within their size budget.
 */
import { browser } from 'wxt/browser';
import { MessageRejectedError } from './errors';
import type { Envelope, MessageKind, Request, Response } from './protocol';

export async function sendFromContent<K extends MessageKind>(
  request: Request<K> & { kind: K },
  isResponse: (value: unknown) => value is Response<K>,
): Promise<Response<K>> {
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<unknown> | undefined;
  if (!envelope || envelope.ok !== true) {
    throw new MessageRejectedError(envelope?.ok === false ? envelope.error : 'no-response');
  }
  if (!isResponse(envelope.data)) throw new MessageRejectedError('invalid-response');
  return envelope.data;
}
