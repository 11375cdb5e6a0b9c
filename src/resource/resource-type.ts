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

registerEnumType(ResourceType, {
  name: 'ResourceType',
  description: 'What kind of publication or material a resource is.',
  valuesConfig: {
    POLICY_BRIEF: { description: 'A short paper of findings and recommendations for policy makers.' },
    WORKING_PAPER: { description: 'Research in progress, circulated for discussion.' },
    REPORT: { description: 'A report, e.g. an annual, progress or situation report.' },
    JOURNAL_ARTICLE: { description: 'An article in a peer-reviewed journal.' },
    STUDY: { description: 'A research study or assessment.' },
    PORTAL: { description: 'A website or online platform that gathers information or services.' },
    DATASET: { description: 'Data, e.g. statistics or survey microdata, with its documentation.' },
    INFOGRAPHIC: { description: 'A visual summary of data or facts.' },
    VIDEO: { description: 'A video, e.g. a documentary, explainer or recorded talk.' },
    TOOLKIT: { description: 'Practical guidance: a toolkit, handbook, manual or checklist.' },
    OTHER: { description: 'Anything that fits none of the other types.' },
  },
});
