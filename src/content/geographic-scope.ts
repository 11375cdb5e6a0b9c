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
  valuesConfig: {
    GLOBAL: { description: 'Worldwide, or across several regions.' },
    REGIONAL: { description: 'One M49 region (e.g. Africa, Europe) or several countries of it.' },
    SUBREGIONAL: { description: 'One M49 sub-region (e.g. Western Africa) or several countries of it.' },
    NATIONAL: { description: 'One country.' },
    LOCAL: { description: 'A city, province or community within one country.' },
  },
});
