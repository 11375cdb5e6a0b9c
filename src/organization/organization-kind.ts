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

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What kind of actor an organization is.',
  valuesConfig: {
    MEMBER_STATE: { description: 'A UN Member State: a government or one of its ministries or agencies.' },
    UN_ENTITY: { description: 'A UN agency, fund, programme or office, e.g. IOM or UNICEF.' },
    NETWORK_MEMBER: { description: 'A member of the UN Network on Migration that is not itself a UN entity.' },
    CIVIL_SOCIETY: { description: 'A non-governmental, community, migrant or diaspora organization, or a trade union.' },
    ACADEMIA: { description: 'A university, research institute or think tank.' },
    PRIVATE_SECTOR: { description: 'A company or business association.' },
    OTHER: { description: 'Any other actor, e.g. a local authority or an intergovernmental body outside the UN.' },
  },
});
