/**
 * The public shape of a bidder community (Louvain on the co-bidding graph, scored by the engine):
 * its score, members, the number of lots where members met, its features parsed from their JSON
 * text, and when it was first and last found. Scoring bookkeeping (run id) stays inside.
 */
import { z } from 'zod';

export const CommunityFeaturesSchema = z.object({
  size: z.number(),
  meetings: z.number(),
  cohesion: z.number(),
  exclusivity: z.number(),
  rotation: z.number(),
  cover: z.number(),
  flagDensity: z.number(),
});

export const CommunitySchema = z
  .object({
    id: z.string(),
    score: z.number(),
    size: z.number(),
    members: z.array(z.string()),
    meetings: z.number().describe('lots in which at least two members bid'),
    jurisdictions: z.array(z.string()).describe('"region|sector" of the lots where members met'),
    features: CommunityFeaturesSchema.partial(),
    active: z.boolean(),
    first_seen: z.string(),
    last_seen: z.string(),
  })
  .meta({ id: 'Community' });

export type CommunityView = z.infer<typeof CommunitySchema>;

const strs = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

function features(text: unknown): CommunityView['features'] {
  if (typeof text !== 'string') return {};
  try {
    return JSON.parse(text) as CommunityView['features'];
  } catch {
    return {};
  }
}

export function communityView(k: Record<string, unknown>): CommunityView {
  return {
    id: String(k.id),
    score: Number(k.score ?? 0),
    size: Number(k.size ?? strs(k.members).length),
    members: strs(k.members),
    meetings: Number(k.meetings ?? 0),
    jurisdictions: strs(k.jurisdictions),
    features: features(k.features),
    active: k.active === true,
    first_seen: String(k.first_seen ?? ''),
    last_seen: String(k.last_seen ?? ''),
  };
}
