/**
 * What mapping a release gives: canonical records (with their `type`, ready for validation), each
 * with the part of the release it came from, so that an error can point into the release.
 */
import type { JsonObject } from './take';

export interface Mapped {
  record: JsonObject;
  /** Path inside the release: `parties[2]`, `tender`, `tender.lots[0]`, `bids.details[4]`. */
  from: string;
}
