import type { LocalizedText } from './reference/localized';

/** What a practice or resource on an objective is about, in the hub's three languages. */
export const TOPICS: Record<number, LocalizedText> = {
  1: { en: 'migration data and statistics', fr: 'données et statistiques migratoires', es: 'datos y estadísticas sobre migración' },
  2: { en: 'climate resilience in communities of origin', fr: 'résilience climatique des communautés d’origine', es: 'resiliencia climática en las comunidades de origen' },
  3: { en: 'pre-departure information for migrants', fr: 'information des migrants avant le départ', es: 'información previa a la partida para migrantes' },
  4: { en: 'birth registration and legal identity', fr: 'enregistrement des naissances et identité juridique', es: 'registro de nacimientos e identidad jurídica' },
  5: { en: 'regular labour mobility pathways', fr: 'voies de mobilité régulière de la main-d’œuvre', es: 'vías regulares de movilidad laboral' },
  6: { en: 'fair and ethical recruitment', fr: 'recrutement équitable et éthique', es: 'contratación equitativa y ética' },
  7: { en: 'protection of migrants in vulnerable situations', fr: 'protection des migrants en situation de vulnérabilité', es: 'protección de migrantes en situación de vulnerabilidad' },
  8: { en: 'search and rescue of missing migrants', fr: 'recherche et sauvetage des migrants disparus', es: 'búsqueda y rescate de migrantes desaparecidos' },
  9: { en: 'prosecution of migrant smuggling networks', fr: 'poursuite des réseaux de trafic de migrants', es: 'enjuiciamiento de redes de tráfico ilícito de migrantes' },
  10: { en: 'child trafficking prevention', fr: 'prévention de la traite des enfants', es: 'prevención de la trata de niños' },
  11: { en: 'integrated border management', fr: 'gestion intégrée des frontières', es: 'gestión integrada de fronteras' },
  12: { en: 'screening and referral of migrants', fr: 'orientation et évaluation des migrants', es: 'evaluación y derivación de migrantes' },
  13: { en: 'community-based alternatives to detention', fr: 'alternatives communautaires à la rétention', es: 'alternativas comunitarias a la detención' },
  14: { en: 'consular assistance for nationals abroad', fr: 'assistance consulaire aux ressortissants à l’étranger', es: 'asistencia consular a nacionales en el extranjero' },
  15: { en: 'migrant access to health care', fr: 'accès des migrants aux soins de santé', es: 'acceso de los migrantes a la atención sanitaria' },
  16: { en: 'social cohesion in host cities', fr: 'cohésion sociale dans les villes d’accueil', es: 'cohesión social en las ciudades de acogida' },
  17: { en: 'countering xenophobia and discrimination', fr: 'lutte contre la xénophobie et la discrimination', es: 'lucha contra la xenofobia y la discriminación' },
  18: { en: 'recognition of migrant workers’ skills', fr: 'reconnaissance des compétences des travailleurs migrants', es: 'reconocimiento de las competencias de los trabajadores migrantes' },
  19: { en: 'diaspora investment in development', fr: 'investissement de la diaspora dans le développement', es: 'inversión de la diáspora en el desarrollo' },
  20: { en: 'cheaper and safer remittances', fr: 'envois de fonds moins coûteux et plus sûrs', es: 'remesas más baratas y seguras' },
  21: { en: 'sustainable reintegration of returnees', fr: 'réintégration durable des migrants de retour', es: 'reintegración sostenible de las personas retornadas' },
  22: { en: 'portability of social security benefits', fr: 'portabilité des prestations de sécurité sociale', es: 'portabilidad de las prestaciones de seguridad social' },
  23: { en: 'regional cooperation on migration governance', fr: 'coopération régionale sur la gouvernance des migrations', es: 'cooperación regional en la gobernanza de la migración' },
};

/** Openings of a practice title: what the programme does. */
export const PRACTICE_OPENINGS: readonly LocalizedText[] = [
  { en: 'Strengthening', fr: 'Renforcer', es: 'Fortalecer' },
  { en: 'Scaling up', fr: 'Étendre', es: 'Ampliar' },
  { en: 'A national programme for', fr: 'Un programme national pour', es: 'Un programa nacional de' },
  { en: 'Community partnerships on', fr: 'Partenariats communautaires sur', es: 'Alianzas comunitarias sobre' },
  { en: 'Piloting', fr: 'Expérimenter', es: 'Poner a prueba' },
  { en: 'Building capacity for', fr: 'Développer les capacités en matière de', es: 'Desarrollar capacidades en' },
  { en: 'Improving', fr: 'Améliorer', es: 'Mejorar' },
];

/** Kinds of knowledge product, prefixed to a resource title. */
export const RESOURCE_OPENINGS: Record<string, LocalizedText> = {
  POLICY_BRIEF: { en: 'Policy brief:', fr: 'Note d’orientation :', es: 'Nota de política:' },
  WORKING_PAPER: { en: 'Working paper on', fr: 'Document de travail sur', es: 'Documento de trabajo sobre' },
  REPORT: { en: 'Report on', fr: 'Rapport sur', es: 'Informe sobre' },
  JOURNAL_ARTICLE: { en: 'Evidence review of', fr: 'Revue des données sur', es: 'Revisión de la evidencia sobre' },
  STUDY: { en: 'A comparative study of', fr: 'Étude comparative de', es: 'Estudio comparativo de' },
  PORTAL: { en: 'Knowledge portal on', fr: 'Portail de connaissances sur', es: 'Portal de conocimientos sobre' },
  DATASET: { en: 'Dataset on', fr: 'Jeu de données sur', es: 'Conjunto de datos sobre' },
  INFOGRAPHIC: { en: 'Infographic:', fr: 'Infographie :', es: 'Infografía:' },
  VIDEO: { en: 'Video:', fr: 'Vidéo :', es: 'Vídeo:' },
  TOOLKIT: { en: 'Toolkit for', fr: 'Boîte à outils pour', es: 'Caja de herramientas para' },
  OTHER: { en: 'Guidance on', fr: 'Orientations sur', es: 'Orientaciones sobre' },
};

/** Sentences that close a summary, with a {place} slot. */
export const SUMMARY_CLOSINGS: readonly LocalizedText[] = [
  {
    en: 'It brings together governments, local authorities and migrant organizations in {place}.',
    fr: 'Il réunit les gouvernements, les autorités locales et les organisations de migrants en {place}.',
    es: 'Reúne a gobiernos, autoridades locales y organizaciones de migrantes en {place}.',
  },
  {
    en: 'Results from {place} show measurable improvements for migrants and their families.',
    fr: 'Les résultats obtenus en {place} montrent des améliorations mesurables pour les migrants et leurs familles.',
    es: 'Los resultados en {place} muestran mejoras medibles para los migrantes y sus familias.',
  },
  {
    en: 'The approach was designed with affected communities in {place} and is being replicated.',
    fr: 'L’approche a été conçue avec les communautés concernées en {place} et est en cours de reproduction.',
    es: 'El enfoque se diseñó con las comunidades afectadas en {place} y se está replicando.',
  },
];

export const LESSONS: readonly string[] = [
  'Early involvement of migrant associations made the services trusted and used.',
  'Sustained funding beyond the pilot phase was the main condition for lasting results.',
  'Shared case-management tools across agencies reduced delays in referrals.',
  'Training frontline officers together with civil society built a common language.',
];

export const RECOMMENDATIONS: readonly string[] = [
  'Embed the programme in national legislation so it survives changes of government.',
  'Collect data disaggregated by sex, age and migration status from the start.',
  'Budget for interpretation and cultural mediation in every service point.',
  'Set up a joint steering committee with countries of origin and destination.',
];

export const FIRST_NAMES: readonly string[] = [
  'Amina', 'Carlos', 'Mei', 'Olga', 'Kwame', 'Sofia', 'Rahul', 'Fatima', 'Jonas', 'Lucía', 'Tariq', 'Ingrid',
  'Nadia', 'Samuel', 'Yuki', 'Aisha', 'Pedro', 'Elena', 'Moussa', 'Hana', 'Diego', 'Leila', 'Tomás', 'Grace',
];

export const LAST_NAMES: readonly string[] = [
  'Okafor', 'García', 'Chen', 'Petrova', 'Mensah', 'Rossi', 'Sharma', 'Haddad', 'Berg', 'Fernández', 'Rahman',
  'Nilsson', 'Diallo', 'Kato', 'Mwangi', 'Silva', 'Novak', 'Abebe', 'Costa', 'Hussein', 'Morales', 'Ivanova',
];

export const UN_ENTITIES: readonly string[] = [
  'International Organization for Migration (IOM)', 'Office of the UN High Commissioner for Refugees (UNHCR)',
  'United Nations Children’s Fund (UNICEF)', 'International Labour Organization (ILO)',
  'United Nations Office on Drugs and Crime (UNODC)', 'Office of the UN High Commissioner for Human Rights (OHCHR)',
  'United Nations Development Programme (UNDP)', 'UN Women', 'World Health Organization (WHO)',
  'United Nations Population Fund (UNFPA)', 'UN-Habitat', 'UN Department of Economic and Social Affairs (UN DESA)',
];
