import { Initial1763800000000 } from './migrations/1763800000000-Initial';
import { RegionClosure1763900000000 } from './migrations/1763900000000-RegionClosure';
import { BlankTranslationsFallBack1764000000000 } from './migrations/1764000000000-BlankTranslationsFallBack';
import { TitleOrderIndexes1764100000000 } from './migrations/1764100000000-TitleOrderIndexes';
import { Workflow1764200000000 } from './migrations/1764200000000-Workflow';
import { PersistedQueries1764300000000 } from './migrations/1764300000000-PersistedQueries';
import { LocalizedReferenceNames1764400000000 } from './migrations/1764400000000-LocalizedReferenceNames';
import { ObjectiveAggregates1764500000000 } from './migrations/1764500000000-ObjectiveAggregates';
import { ObjectiveResourceCounts1764600000000 } from './migrations/1764600000000-ObjectiveResourceCounts';

/** Migrations in the order they apply. */
export const MIGRATIONS = [Initial1763800000000, RegionClosure1763900000000, BlankTranslationsFallBack1764000000000, TitleOrderIndexes1764100000000, Workflow1764200000000, PersistedQueries1764300000000, LocalizedReferenceNames1764400000000, ObjectiveAggregates1764500000000, ObjectiveResourceCounts1764600000000];
