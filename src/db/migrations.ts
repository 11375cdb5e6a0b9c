import { Initial1763800000000 } from './migrations/1763800000000-Initial';

/** Migrations in the order they apply. */
export const MIGRATIONS = [Initial1763800000000];
