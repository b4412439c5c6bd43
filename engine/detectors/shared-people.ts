/**
 * Same people: two bidders of one lot naming the same project manager, contact person or agent
 * person (委托代理人), or giving the same contact phone. Basis: 《招标投标法实施条例》 Art. 40(2)(3)
 * (委托同一单位或者个人办理投标事宜; 项目管理成员为同一人); MOF Order 87 Art. 37. The statutory
 * identities keep full weight however many bids the person handles; a phone is weighted by how
 * many organisations give it (an agency's switchboard counts for little). The pair engine is the
 * family's, in shared-fingerprint.ts.
 */
import { Detector } from '../context';
import { sharedValueFlags } from './shared-fingerprint';

const BASIS = '《招标投标法实施条例》 Art. 40(2)(3); MOF Order 87 Art. 37';

export interface Settings {
  /** Base probability of each shared kind [project_manager 0.95, contact_person 0.95, agent_person 0.95, phone 0.7]. */
  bases: Record<'project_manager' | 'contact_person' | 'agent_person' | 'phone', number>;
  /** Pairs scoring below this are dropped [0.3]. */
  minScore: number;
}

/** Documented defaults. */
export const DEFAULTS: Settings = {
  bases: { project_manager: 0.95, contact_person: 0.95, agent_person: 0.95, phone: 0.7 },
  minScore: 0.3,
};

/** One flag per pair of bidders of an in-scope lot that name the same people or phone. */
export const detect: Detector<Settings> = (context, settings) =>
  sharedValueFlags(context, {
    detector: 'shared-people',
    basis: BASIS,
    bases: settings.bases,
    minScore: settings.minScore,
    finding: 'Shared bid people',
  });
