import { registerEnumType } from 'type-graphql';

export enum OrganizationKind {
  MEMBER_STATE = 'MEMBER_STATE',
  UN_ENTITY = 'UN_ENTITY',
  NETWORK_MEMBER = 'NETWORK_MEMBER',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  ACADEMIA = 'ACADEMIA',
  PRIVATE_SECTOR = 'PRIVATE_SECTOR',
  OTHER = 'OTHER',
}

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
