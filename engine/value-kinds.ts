/**
 * The kinds of shared value an operator can mark benign, normalised exactly as the loader stores
 * them, so that `benign add --kind ip --value 010.0.0.1` matches the stored `10.0.0.1`.
 */
import { normaliseAccount, normaliseAuthor, normaliseCode, normaliseDocHash } from '../ingest/normalise/identifiers';
import { normaliseAddress } from '../ingest/normalise/address';
import { normaliseIp, normaliseMac } from '../ingest/normalise/network';
import { normalisePhone } from '../ingest/normalise/phone';
import { ValueKind } from './model';

export const VALUE_KINDS = [
  'ip',
  'mac',
  'machine_code',
  'ca_cert',
  'doc_hash',
  'doc_author',
  'bond_account',
  'bond_payer',
  'phone',
  'address',
  'contact_person',
  'project_manager',
  'agent_person',
] as const satisfies readonly ValueKind[];

const ok = (r: { value: string } | { error: string }) => ('value' in r ? r.value : undefined);

/** The stored form of a value of a kind, or undefined when it is not valid. */
export function normaliseValue(kind: ValueKind, raw: string): string | undefined {
  switch (kind) {
    case 'ip':
      return ok(normaliseIp(raw));
    case 'mac':
      return ok(normaliseMac(raw));
    case 'phone':
      return ok(normalisePhone(raw));
    case 'machine_code':
    case 'ca_cert':
      return normaliseCode(raw);
    case 'doc_hash':
      return normaliseDocHash(raw);
    case 'doc_author':
      return normaliseAuthor(raw);
    case 'bond_account':
      return normaliseAccount(raw);
    case 'address':
      return normaliseAddress(raw);
    default:
      return raw.trim() || undefined;
  }
}
