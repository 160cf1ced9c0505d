import type { ServiceContext } from '../context.js';
import type { ServiceRoute } from '../http.js';
import { appealRoutes } from './appeal-routes.js';
import { factRoutes } from './fact-routes.js';
import { operatorRoutes } from './operator-routes.js';

/** Every route of the health authority's area: operators, audit, facts, rule sets and appeals. */
export function authorityRoutes(ctx: ServiceContext): ServiceRoute[] {
  return [...operatorRoutes(ctx), ...factRoutes(ctx), ...appealRoutes(ctx)];
}
