/**
 * OCDS Values (`{amount, currency}`) onto canonical money: a number in the project's currency.
 * The project's currency is the first one the release states; an amount in another currency
 * keeps its own as a `currency` property of its record.
 */
import { isObject, JsonObject, objectAt, take, takeText } from './take';

/** The currency the release states first: budget, tender, lots, bids, awards. */
export function projectCurrency(release: JsonObject): string | undefined {
  const tender = objectAt(release, 'tender');
  const first = (list: unknown) => (Array.isArray(list) && isObject(list[0]) ? list[0] : undefined);
  const values = [
    objectAt(objectAt(objectAt(release, 'planning'), 'budget'), 'amount'),
    objectAt(tender, 'value'),
    objectAt(first(tender?.lots), 'value'),
    objectAt(first(objectAt(release, 'bids')?.details), 'value'),
    objectAt(first(release.awards), 'value'),
  ];
  for (const value of values) if (typeof value?.currency === 'string') return value.currency;
  return undefined;
}

/** Takes an OCDS Value; `currency` is set only when it is not the project's. A null amount is none. */
export function money(value: JsonObject | undefined, project: string | undefined) {
  if (!value || !('amount' in value)) return undefined;
  const amount = take(value, 'amount');
  const currency = takeText(value, 'currency');
  if (amount === null) return undefined;
  return { amount, currency: currency !== project ? currency : undefined };
}
