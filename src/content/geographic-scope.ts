import { registerEnumType } from 'type-graphql';

/** Ordered from the broadest reach to the narrowest; ranking puts earlier values first. */
export enum GeographicScope {
  GLOBAL = 'GLOBAL',
  REGIONAL = 'REGIONAL',
  SUBREGIONAL = 'SUBREGIONAL',
  NATIONAL = 'NATIONAL',
  LOCAL = 'LOCAL',
}

registerEnumType(GeographicScope, {
  name: 'GeographicScope',
  description: 'Ordered from the broadest reach to the narrowest; ranking puts earlier values first.',
});
