/** The typed way to send a protocol message from any context; responses are validated too. */
import { browser } from 'wxt/browser';
import { MessageRejectedError } from './errors';
import { type Envelope, MESSAGES, type MessageKind, type Request, type Response } from './protocol';

export { MessageRejectedError };

export async function sendMessage<K extends MessageKind>(
  request: Request<K> & { kind: K },
): Promise<Response<K>> {
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<unknown> | undefined;
  if (!envelope || envelope.ok !== true) {
    throw new MessageRejectedError(envelope?.ok === false ? envelope.error : 'no-response');
  }
  const parsed = MESSAGES[request.kind].response.safeParse(envelope.data);
  if (!parsed.success) throw new MessageRejectedError('invalid-response');
  return parsed.data as Response<K>;
}
