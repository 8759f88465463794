/** Why a feed could not be used; the UI turns each reason into a Vietnamese message. */
export type FeedErrorReason =
  | 'network'
  | 'timeout'
  | 'http'
  | 'too-large'
  | 'not-json'
  | 'not-json-feed'
  | 'unsupported-version'
  | 'no-items'
  | 'config';

/** A named, expected failure of fetching or reading a feed. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly reason: FeedErrorReason,
    detail?: string,
    readonly status?: number,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

export function isFeedError(e: unknown): e is FeedError {
  return e instanceof FeedError;
}
