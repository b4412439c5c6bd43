/**
 * One scoring pass over a projection, pure: every detector family, then the communities (which
 * use the pairwise flags), then lot and entity risks. Detectors always see every lot (markets,
 * histories and communities need them all, and they run in memory); an incremental run's scope
 * (the touched lots) only limits which flags and lot risks are returned for writing, so full and
 * incremental rescoring give the same result on the same data. Flags a person dismissed or marked
 * benign are still found (and keep their triage) but leave the lot and entity risks.
 */
import { detectCommunities, Community, Settings as CommunitySettings } from './communities';
import { buildContext } from './context';
import { DETECTORS } from './detectors';
import { Flag } from './flag';
import { entityRisks, LotRisk, lotRisks } from './lot-risk';
import { Projection } from './model';
import { defaultSettings, EngineSettings } from './settings';

export interface ScoreResult {
  flags: Flag[];
  communities: Community[];
  lots: LotRisk[];
  entities: Map<string, number>;
  /** Milliseconds per phase. */
  phases: Record<string, number>;
}

export function scoreProjection(
  projection: Projection,
  scope?: ReadonlySet<string>,
  settings: EngineSettings = defaultSettings(),
): ScoreResult {
  const phases: Record<string, number> = {};
  const time = <T>(name: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    phases[name] = Math.round(performance.now() - started);
    return result;
  };
  const context = time('context', () => buildContext(projection));
  const flags: Flag[] = [];
  for (const detector of DETECTORS) {
    flags.push(...time(`detector:${detector.id}`, () => detector.detect(context, settings.get(detector.id) as never)));
  }
  const { communities, flags: communityFlags } = time('communities', () =>
    detectCommunities(context, flags, settings.get('cartel-community') as unknown as CommunitySettings),
  );
  flags.push(...communityFlags);
  const setAside = new Set(projection.triage.filter((t) => t.status !== 'confirmed').map((t) => t.flag));
  const counted = flags.filter((flag) => !setAside.has(flag.id));
  const screens = new Map<string, number>();
  for (const flag of counted) {
    if (flag.detector === 'price-screens' && flag.lot)
      screens.set(flag.lot, Math.max(screens.get(flag.lot) ?? 0, flag.score));
  }
  const lots = time('lot-risk', () => lotRisks(context, counted, communities, screens));
  const touches = (flag: Flag) =>
    scope === undefined ||
    (flag.lot !== undefined && scope.has(flag.lot)) ||
    flag.bids.some((bid) => scope.has(projection.bids.get(bid)?.lot ?? ''));
  return {
    flags: flags.filter(touches),
    communities,
    lots: scope === undefined ? lots : lots.filter((l) => scope.has(l.lot)),
    entities: entityRisks(counted),
    phases,
  };
}
