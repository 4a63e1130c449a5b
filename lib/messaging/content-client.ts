/**
 * Sending from a content script: like `client.ts`, but the caller names the response schema, so content
 * scripts bundle only the schemas they use (not the whole message table). Responses are validated.
 */
import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import { MessageRejectedError } from './errors';
import type { Envelope, MessageKind, Request, Response } from './protocol';

export async function sendFromContent<K extends MessageKind>(
  request: Request<K> & { kind: K },
  response: z.ZodMiniType<Response<K>>,
): Promise<Response<K>> {
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<unknown> | undefined;
  if (!envelope || envelope.ok !== true) {
    throw new MessageRejectedError(envelope?.ok === false ? envelope.error : 'no-response');
  }
  const parsed = response.safeParse(envelope.data);
  if (!parsed.success) throw new MessageRejectedError('invalid-response');
  return parsed.data;
}
