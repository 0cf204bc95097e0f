export enum DistributionDimension {
  GRADE = 'GRADE',
  INDUSTRY = 'INDUSTRY',
  STREET = 'STREET',
}
