/**
 * The detector families run by every scoring pass, in order (pairwise evidence first: the
 * communities build on it). Each entry is one file of this folder with its documented defaults.
 */
import { Detector } from '../context';
import { DetectorId } from '../flag';
import * as affiliatedBidders from './affiliated-bidders';
import * as approvalMismatch from './approval-mismatch';
import * as bidRotation from './bid-rotation';
import * as coverBidding from './cover-bidding';
import * as debarredBidder from './debarred-bidder';
import * as expertBias from './expert-bias';
import * as expertConflict from './expert-conflict';
import * as identicalPrices from './identical-prices';
import * as priceScreens from './price-screens';
import * as processTiming from './process-timing';
import * as regularPrices from './regular-prices';
import * as sharedBond from './shared-bond';
import * as sharedFingerprint from './shared-fingerprint';
import * as sharedIp from './shared-ip';
import * as sharedPeople from './shared-people';
import * as splitToAvoidTendering from './split-to-avoid-tendering';
import * as tendererFavouritism from './tenderer-favouritism';

export interface RegisteredDetector {
  id: DetectorId;
  detect: Detector<never>;
  defaults: unknown;
}

const entry = <S>(id: DetectorId, module: { detect: Detector<S>; DEFAULTS: S }): RegisteredDetector => ({
  id,
  detect: module.detect as Detector<never>,
  defaults: module.DEFAULTS,
});

export const DETECTORS: RegisteredDetector[] = [
  entry('shared-fingerprint', sharedFingerprint),
  entry('shared-ip', sharedIp),
  entry('shared-people', sharedPeople),
  entry('shared-bond', sharedBond),
  entry('affiliated-bidders', affiliatedBidders),
  entry('identical-prices', identicalPrices),
  entry('regular-prices', regularPrices),
  entry('price-screens', priceScreens),
  entry('cover-bidding', coverBidding),
  entry('bid-rotation', bidRotation),
  entry('tenderer-favouritism', tendererFavouritism),
  entry('expert-conflict', expertConflict),
  entry('expert-bias', expertBias),
  entry('process-timing', processTiming),
  entry('debarred-bidder', debarredBidder),
  entry('approval-mismatch', approvalMismatch),
  entry('split-to-avoid-tendering', splitToAvoidTendering),
];
