import { Initial1763800000000 } from './migrations/1763800000000-Initial';
import { RegionClosure1763900000000 } from './migrations/1763900000000-RegionClosure';

/** Migrations in the order they apply. */
export const MIGRATIONS = [Initial1763800000000, RegionClosure1763900000000];
