import type { SeedRows } from './tables';

/**
 * The hub's named sample content, identical for every seed: its slugs and facts are part
 * of the contract (DESIGN.md, "Sample content that the seeds must hold").
 */
export const SAMPLE = {
  organizations: {
    genevaAcademy: '0b6c3f7e-1d2a-4c5b-8e9f-000000000001',
    network: '0b6c3f7e-1d2a-4c5b-8e9f-000000000002',
    iom: '0b6c3f7e-1d2a-4c5b-8e9f-000000000003',
    unicef: '0b6c3f7e-1d2a-4c5b-8e9f-000000000004',
    unodc: '0b6c3f7e-1d2a-4c5b-8e9f-000000000005',
  },
  group: { id: '0b6c3f7e-1d2a-4c5b-8e9f-000000000101', slug: 'counter-trafficking' },
  call: { id: '0b6c3f7e-1d2a-4c5b-8e9f-000000000201', slug: 'leave-no-child-behind-2024' },
  webinar: { id: '0b6c3f7e-1d2a-4c5b-8e9f-000000000301', slug: 'unveiling-research-best-practices-end-child-trafficking-2024' },
  observance: { id: '0b6c3f7e-1d2a-4c5b-8e9f-000000000302', slug: 'world-day-against-trafficking-2024' },
  practices: [
    '0b6c3f7e-1d2a-4c5b-8e9f-000000000401',
    '0b6c3f7e-1d2a-4c5b-8e9f-000000000402',
    '0b6c3f7e-1d2a-4c5b-8e9f-000000000403',
  ],
  resource: '0b6c3f7e-1d2a-4c5b-8e9f-000000000501',
} as const;

const THEME = 'Leave No Child Behind in the Fight Against Human Trafficking';

export function addSampleContent(rows: SeedRows): void {
  const o = SAMPLE.organizations;
  rows.organization.push(
    [o.genevaAcademy, 'University of Geneva Children’s Rights Academy', 'ACADEMIA', 'CHE'],
    [o.network, 'United Nations Network on Migration', 'NETWORK_MEMBER', null],
    [o.iom, 'International Organization for Migration (IOM)', 'UN_ENTITY', 'CHE'],
    [o.unicef, 'United Nations Children’s Fund (UNICEF)', 'UN_ENTITY', 'USA'],
    [o.unodc, 'United Nations Office on Drugs and Crime (UNODC)', 'UN_ENTITY', 'AUT'],
  );

  rows.community_group.push([
    SAMPLE.group.id,
    SAMPLE.group.slug,
    { en: 'Counter-Trafficking', fr: 'Lutte contre la traite', es: 'Lucha contra la trata' },
    {
      en: 'A Community of Practice on preventing and combating trafficking in persons in the context of international migration (GCM Objective 10).',
      fr: 'Une communauté de pratique sur la prévention et la lutte contre la traite des personnes dans le contexte des migrations internationales (objectif 10 du Pacte mondial).',
      es: 'Una comunidad de práctica sobre la prevención y la lucha contra la trata de personas en el contexto de la migración internacional (objetivo 10 del Pacto Mundial).',
    },
    240,
    '2021-03-01T09:00:00Z',
  ]);
  rows.community_group_objective.push([SAMPLE.group.id, 10]);

  rows.call_for_practices.push([
    SAMPLE.call.id,
    SAMPLE.call.slug,
    {
      en: `Joint Call for Practices: ${THEME}`,
      fr: 'Appel conjoint à pratiques : Ne laisser aucun enfant de côté dans la lutte contre la traite des êtres humains',
      es: 'Convocatoria conjunta de prácticas: No dejar a ningún niño atrás en la lucha contra la trata de personas',
    },
    THEME,
    '2024-05-06',
    '2024-06-24',
  ]);
  rows.call_for_practices_objective.push([SAMPLE.call.id, 10]);

  const practices: [string, string, string, string, number[], string][] = [
    [
      SAMPLE.practices[0],
      'child-protection-hotlines-for-trafficking-survivors',
      'Child protection hotlines for trafficking survivors',
      'A toll-free, multilingual hotline connects children at risk of trafficking with case managers, shelters and legal aid.',
      [10, 7, 12],
      'NATIONAL',
    ],
    [
      SAMPLE.practices[1],
      'cross-border-case-management-for-child-victims-of-trafficking',
      'Cross-border case management for child victims of trafficking',
      'Countries of origin, transit and destination share one case-management protocol so that every identified child is followed until durable solutions are found.',
      [10, 23, 21, 14],
      'REGIONAL',
    ],
    [
      SAMPLE.practices[2],
      'global-guidance-on-child-sensitive-anti-trafficking-responses',
      'Global guidance on child-sensitive anti-trafficking responses',
      'Inter-agency guidance and training for frontline actors on identifying, referring and protecting children who are trafficked.',
      [10, 7, 1, 12, 23],
      'GLOBAL',
    ],
  ];
  practices.forEach(([id, slug, title, summary, objectives, scope], i) => {
    rows.practice.push([
      id, slug, { en: title }, { en: summary }, 'PUBLISHED', scope, '2019-03-01', i === 0 ? null : '2023-12-31',
      { en: 'Children speak up when the first contact is a trained, trusted adult.' },
      { en: 'Fund case managers, not only hotlines; follow every child across borders.' },
      { en: 'Leave no child behind: identification is only the first step.' },
      SAMPLE.call.id, SAMPLE.group.id, `2024-09-0${i + 2}T10:00:00Z`, '2024-06-20T10:00:00Z',
    ]);
    for (const n of objectives) rows.practice_objective.push([id, n]);
    rows.practice_guiding_principle.push([id, 'CHILD_SENSITIVE'], [id, 'HUMAN_RIGHTS']);
    rows.practice_organization.push([id, o.unicef, 'IMPLEMENTER'], [id, o.iom, 'PARTNER']);
  });
  rows.practice_region.push([SAMPLE.practices[1], '002']);
  rows.practice_country.push([SAMPLE.practices[0], 'KEN']);

  rows.resource.push([
    SAMPLE.resource, 'research-on-ending-child-trafficking-2024',
    { en: 'Research on ending child trafficking: what works', fr: 'Recherche sur la fin de la traite des enfants : ce qui fonctionne' },
    { en: 'A review of the evidence on preventing child trafficking, presented at the July 2024 webinar.' },
    'STUDY', 'https://childrensrightsacademy.example.org/research/ending-child-trafficking-2024', 'GLOBAL',
    o.genevaAcademy, '2024-07-15', 'PUBLISHED', SAMPLE.group.id, '2024-07-15T10:00:00Z',
  ]);
  rows.resource_objective.push([SAMPLE.resource, 10]);
  rows.practice_resource.push([SAMPLE.practices[2], SAMPLE.resource]);

  rows.event.push(
    [
      SAMPLE.webinar.id, SAMPLE.webinar.slug,
      { en: 'Unveiling Research and Best Practices to End Child Trafficking', fr: 'Dévoiler la recherche et les bonnes pratiques pour mettre fin à la traite des enfants', es: 'Presentación de investigaciones y buenas prácticas para acabar con la trata de niños' },
      'WEBINAR', '2024-07-15T13:00:00Z', '2024-07-15T14:30:00Z', true, null,
      'https://migrationnetwork.example.org/events/unveiling-research-best-practices-end-child-trafficking-2024/register',
      'https://migrationnetwork.example.org/recordings/unveiling-research-best-practices-end-child-trafficking-2024',
      SAMPLE.group.id, SAMPLE.call.id,
    ],
    [
      SAMPLE.observance.id, SAMPLE.observance.slug,
      { en: 'World Day Against Trafficking in Persons 2024', fr: 'Journée mondiale de la lutte contre la traite d’êtres humains 2024', es: 'Día Mundial contra la Trata de Personas 2024' },
      'OBSERVANCE', '2024-07-30T00:00:00Z', '2024-07-30T23:59:59Z', true, null, null, null,
      SAMPLE.group.id, SAMPLE.call.id,
    ],
  );
  for (const event of [SAMPLE.webinar.id, SAMPLE.observance.id]) rows.event_objective.push([event, 10]);
  rows.event_organizer.push([SAMPLE.webinar.id, o.genevaAcademy], [SAMPLE.webinar.id, o.network], [SAMPLE.observance.id, o.unodc]);
  rows.event_practice.push(...SAMPLE.practices.map((p) => [SAMPLE.webinar.id, p]));
  rows.event_resource.push([SAMPLE.webinar.id, SAMPLE.resource]);

  rows.curated_view.push([
    'home',
    { en: 'Migration Network Hub', fr: 'Plateforme du Réseau sur les migrations', es: 'Centro de la Red sobre la Migración' },
    null,
    { pinned: 'editor', fill: 'RANK' },
  ]);
  const pinned: [number, string | null, string | null, string | null, string | null][] = [
    [0, SAMPLE.practices[2], null, null, null],
    [1, SAMPLE.practices[1], null, null, null],
    [2, null, SAMPLE.resource, null, null],
    [3, null, null, SAMPLE.webinar.id, null],
    [4, null, null, SAMPLE.observance.id, null],
    [5, null, null, null, SAMPLE.group.id],
  ];
  for (const [position, practice, resource, event, group] of pinned) {
    rows.curated_view_item.push(['home', position, practice, resource, event, group]);
  }
}
