export class MessageRejectedError extends Error {
  override name = 'MessageRejectedError';
}
