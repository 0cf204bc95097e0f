export enum DistributionDimension {
  GRADE = 'GRADE',
  INDUSTRY = 'INDUSTRY',
  STREET = 'STREET',
}

/** The column each dimension groups by (subject_evaluation e, subject_index s). */
export const DIMENSION_COLUMNS: Record<DistributionDimension, string> = {
  [DistributionDimension.GRADE]: 'e.grade',
  [DistributionDimension.INDUSTRY]: 's.industry',
  [DistributionDimension.STREET]: 's.street',
};
