/** Every route of /api/v1, in the order of the OpenAPI document. */
import type { RouteDef } from '../route';
import { approvalRoutes } from './approvals';
import { communityRoutes } from './communities';
import { entityRoutes } from './entities';
import { feedRoutes } from './feed';
import { flagRoutes } from './flags';
import { jobRoutes } from './jobs';
import { loadRoutes } from './loads';
import { projectRoutes } from './projects';
import { statsRoutes } from './stats';
import { webhookRoutes } from './webhooks';

export const ROUTES: RouteDef[] = [
  ...flagRoutes,
  ...projectRoutes,
  ...entityRoutes,
  ...approvalRoutes,
  ...communityRoutes,
  ...loadRoutes,
  ...jobRoutes,
  ...feedRoutes,
  ...webhookRoutes,
  ...statsRoutes,
];
