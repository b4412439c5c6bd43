/**
 * OCDS `parties[]` onto canonical organisations, and the lookups the rest of the mapping needs:
 * which party plays a role (buyer, procuringEntity, reviewBody), and what organisation an
 * OrganizationReference (`buyer`, `tenderers[]`, `suppliers[]`) names. Party ids are taken as
 * organisation ids, so they must be stable across releases (OCDS builds them from the
 * organisation identifier). Fields taken: `id`, `name`, `roles`, `identifier` (a Chinese scheme
 * with an 18-character id gives `uscc`; any other is kept as the `identifier` property
 * `<scheme>-<id>`), `additionalIdentifiers[]` (a USCC there, when the main identifier is none),
 * `address` (streetAddress, locality and region joined; a 6-digit region is the division code
 * `region`), `contactPoint.telephone` and `.email` (split on , ; ， ；、).
 */
import type { Mapped } from './mapped';
import { defined, isObject, JsonObject, listAt, objectAt, take, takeText, takeTexts } from './take';

const DIVISION_CODE = /^\d{6}$/;
const CJK = /[\u3400-\u9fff]/;

export class Parties {
  /** Organisation records: one per party, and one per reference to no party that has a name. */
  readonly records: Mapped[] = [];
  private readonly ids = new Set<string>();
  private readonly roles = new Map<string, string[]>();

  constructor(release: JsonObject) {
    listAt(release, 'parties').forEach((party, i) => {
      if (!isObject(party)) return;
      const record = organization(party);
      if (!record) return;
      const id = String(record.id);
      this.ids.add(id);
      this.records.push({ record, from: `parties[${i}]` });
      for (const role of takeTexts(party, 'roles') ?? []) this.roles.set(role, [...(this.roles.get(role) ?? []), id]);
    });
  }

  /** The first party with a role. */
  withRole(role: string): string | undefined {
    return this.roles.get(role)?.[0];
  }

  /**
   * The organisation id an OrganizationReference names. The reference's name repeats the party's;
   * a reference to no party makes an organisation of its own from its id and name.
   */
  reference(reference: unknown, from: string): string | undefined {
    if (!isObject(reference)) return undefined;
    const id = takeText(reference, 'id');
    if (id === undefined) return undefined;
    if (this.ids.has(id)) take(reference, 'name');
    else {
      const name = takeText(reference, 'name');
      if (name !== undefined) {
        this.ids.add(id);
        this.records.push({ record: { type: 'organization', id, name }, from });
      }
    }
    return id;
  }
}

function organization(party: JsonObject): JsonObject | undefined {
  const identifier = objectAt(party, 'identifier');
  const id = takeText(party, 'id') ?? schemeId(identifier);
  if (id === undefined) return undefined;
  const contact = objectAt(party, 'contactPoint');
  const record: JsonObject = {
    type: 'organization',
    id,
    name: takeText(party, 'name') ?? takeText(identifier, 'legalName'),
    ...identifierFields(identifier),
    ...address(objectAt(party, 'address')),
    phones: split(takeText(contact, 'telephone')),
    emails: split(takeText(contact, 'email')),
  };
  if (record.uscc === undefined) {
    const extra = listAt(party, 'additionalIdentifiers').find((i) => isObject(i) && usccOf(i) !== undefined);
    if (isObject(extra)) record.uscc = identifierFields(extra).uscc;
  }
  return defined(record);
}

/** An identifier as one text, `<scheme>-<id>` (the org-id convention), without taking it. */
function schemeId(identifier: JsonObject | undefined): string | undefined {
  const id = identifier?.id;
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  return typeof identifier?.scheme === 'string' ? `${identifier.scheme}-${id}` : String(id);
}

/**
 * A USCC under a Chinese scheme (`CN-USCC`, …): 18 characters once spaces and dashes go. Its
 * checksum is validated with the record, so a mistyped code is reported, not kept quietly.
 */
function usccOf(identifier: JsonObject): string | undefined {
  const { scheme, id } = identifier;
  if (typeof scheme !== 'string' || !/^CN(-|$)/i.test(scheme) || typeof id !== 'string') return undefined;
  return id.replace(/[\s-]/g, '').length === 18 ? id : undefined;
}

function identifierFields(identifier: JsonObject | undefined): { uscc?: string; identifier?: string } {
  const whole = identifier && schemeId(identifier);
  if (!identifier || whole === undefined) return {};
  const uscc = usccOf(identifier);
  take(identifier, 'scheme');
  take(identifier, 'id');
  return uscc !== undefined ? { uscc } : { identifier: whole };
}

/** Street, locality and region as one address: big to small without spaces in Chinese, else small to big. */
function address(address: JsonObject | undefined): { address?: string; region?: string } {
  const code = typeof address?.region === 'string' && DIVISION_CODE.test(address.region.trim());
  const region = code ? takeText(address, 'region') : undefined;
  const parts = [
    ...new Set(
      [
        takeText(address, 'streetAddress'),
        takeText(address, 'locality'),
        code ? undefined : takeText(address, 'region'),
      ].filter((part): part is string => part !== undefined),
    ),
  ];
  const kept = parts.filter((part, i) => !parts.some((other, j) => j !== i && other.includes(part)));
  if (kept.length === 0) return { region };
  const text = kept.some((part) => CJK.test(part)) ? [...kept].reverse().join('') : kept.join(', ');
  return { address: text, region };
}

function split(text: string | undefined): string[] | undefined {
  const parts = text
    ?.split(/[,;，；、]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts?.length ? parts : undefined;
}
