/**
 * The canonical procedure of a tender. `procurementMethodDetails` says it best when it names a
 * Chinese procedure (公开招标, 邀请招标, 竞争性谈判, 竞争性磋商, 询价, 单一来源) or a canonical one;
 * otherwise `procurementMethod` decides: open → open, selective (only invited suppliers tender,
 * 邀请招标) → invited, limited (the buyer contacts suppliers of its choice, 竞争性谈判) →
 * negotiation, direct → single_source.
 */
import { JsonObject, takeText } from './take';

const BY_DETAILS: Record<string, string> = {
  公开招标: 'open',
  邀请招标: 'invited',
  竞争性谈判: 'negotiation',
  竞争性磋商: 'negotiation',
  询价: 'inquiry',
  单一来源: 'single_source',
  单一来源采购: 'single_source',
  open: 'open',
  invited: 'invited',
  negotiation: 'negotiation',
  inquiry: 'inquiry',
  single_source: 'single_source',
};

const BY_METHOD: Record<string, string> = {
  open: 'open',
  selective: 'invited',
  limited: 'negotiation',
  direct: 'single_source',
};

/** Takes the procurement method (and its details, when they name a procedure) of a tender. */
export function procedureOf(tender: JsonObject | undefined): string | undefined {
  const details = tender?.procurementMethodDetails;
  const detailed = typeof details === 'string' ? BY_DETAILS[details.trim()] : undefined;
  if (detailed) takeText(tender, 'procurementMethodDetails');
  const method = tender?.procurementMethod;
  const general = typeof method === 'string' ? BY_METHOD[method] : undefined;
  if (general) takeText(tender, 'procurementMethod');
  return detailed ?? general;
}
