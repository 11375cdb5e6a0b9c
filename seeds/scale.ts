/** How much synthetic content a seed run generates. */
export interface ScaleCounts {
  practices: number;
  resources: number;
  events: number;
  groups: number;
  organizations: number;
  experts: number;
  calls: number;
  /** Share of published resources that went through the review roster (older ones predate it). */
  reviewedResourceShare: number;
}

const DEFAULT: ScaleCounts = {
  practices: 1200,
  resources: 3000,
  events: 300,
  groups: 40,
  organizations: 400,
  experts: 150,
  calls: 12,
  reviewedResourceShare: 0.27,
};

const LARGE: ScaleCounts = {
  practices: 20000,
  resources: 50000,
  events: 5000,
  groups: 120,
  organizations: 3000,
  experts: 800,
  calls: 60,
  reviewedResourceShare: 0.27,
};

/**
 * `default` (≥1,000 published practices, 3,000 resources, 300 events, 40 groups), `large`
 * (20,000 practices, 50,000 resources, ~100,000 reviews, 5,000 events), `tiny` (for tests),
 * or a number that multiplies the default.
 */
export function countsFor(scale: string): ScaleCounts {
  if (scale === 'default') return DEFAULT;
  if (scale === 'large') return LARGE;
  const factor = scale === 'tiny' ? 0.05 : Number(scale);
  if (!Number.isFinite(factor) || factor <= 0 || factor > 100) {
    throw new Error(`scale must be tiny, default, large or a number in (0, 100]; got "${scale}"`);
  }
  const times = (n: number, min: number) => Math.max(min, Math.round(n * factor));
  return {
    practices: times(DEFAULT.practices, 20),
    resources: times(DEFAULT.resources, 20),
    events: times(DEFAULT.events, 5),
    groups: times(DEFAULT.groups, 3),
    organizations: times(DEFAULT.organizations, 20),
    experts: times(DEFAULT.experts, 12),
    calls: times(DEFAULT.calls, 2),
    reviewedResourceShare: DEFAULT.reviewedResourceShare,
  };
}
