/** Every route of /api/v1, in the order of the OpenAPI document. */
import type { RouteDef } from '../route';
import { flagRoutes } from './flags';
import { projectRoutes } from './projects';

export const ROUTES: RouteDef[] = [...flagRoutes, ...projectRoutes];
