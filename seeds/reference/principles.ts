import { LocalizedText } from './localized';

export interface PrincipleRef { code: string; title: LocalizedText }

/** The ten cross-cutting guiding principles of the Global Compact for Migration (A/RES/73/195, annex, para. 15). */
export const GUIDING_PRINCIPLES: readonly PrincipleRef[] = [
  { code: 'PEOPLE_CENTRED', title: { en: 'People-centred', fr: 'Priorité à la dimension humaine', es: 'Centrada en las personas' } },
  { code: 'INTERNATIONAL_COOPERATION', title: { en: 'International cooperation', fr: 'Coopération internationale', es: 'Cooperación internacional' } },
  { code: 'NATIONAL_SOVEREIGNTY', title: { en: 'National sovereignty', fr: 'Souveraineté nationale', es: 'Soberanía nacional' } },
  { code: 'RULE_OF_LAW', title: { en: 'Rule of law and due process', fr: 'Primauté du droit et garanties d’une procédure régulière', es: 'Estado de derecho y garantías procesales' } },
  { code: 'SUSTAINABLE_DEVELOPMENT', title: { en: 'Sustainable development', fr: 'Développement durable', es: 'Desarrollo sostenible' } },
  { code: 'HUMAN_RIGHTS', title: { en: 'Human rights', fr: 'Droits de l’homme', es: 'Derechos humanos' } },
  { code: 'GENDER_RESPONSIVE', title: { en: 'Gender-responsive', fr: 'Prise en compte de la problématique femmes-hommes', es: 'Perspectiva de género' } },
  { code: 'CHILD_SENSITIVE', title: { en: 'Child-sensitive', fr: 'Adaptation aux besoins de l’enfant', es: 'Perspectiva infantil' } },
  { code: 'WHOLE_OF_GOVERNMENT', title: { en: 'Whole-of-government approach', fr: 'Approche mobilisant l’ensemble des pouvoirs publics', es: 'Enfoque pangubernamental' } },
  { code: 'WHOLE_OF_SOCIETY', title: { en: 'Whole-of-society approach', fr: 'Approche mobilisant l’ensemble de la société', es: 'Enfoque pansocial' } },
];
