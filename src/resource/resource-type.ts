import { registerEnumType } from 'type-graphql';

export enum ResourceType {
  POLICY_BRIEF = 'POLICY_BRIEF',
  WORKING_PAPER = 'WORKING_PAPER',
  REPORT = 'REPORT',
  JOURNAL_ARTICLE = 'JOURNAL_ARTICLE',
  STUDY = 'STUDY',
  PORTAL = 'PORTAL',
  DATASET = 'DATASET',
  INFOGRAPHIC = 'INFOGRAPHIC',
  VIDEO = 'VIDEO',
  TOOLKIT = 'TOOLKIT',
  OTHER = 'OTHER',
}

registerEnumType(ResourceType, { name: 'ResourceType' });
