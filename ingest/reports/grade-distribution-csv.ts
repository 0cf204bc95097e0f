import type { Router } from 'express';
import type { SendOperation } from '../gateway-client';
import { csvExportRouter } from './csv-export';

/** Exported for the test that validates it against the supergraph. */
export const GRADE_DISTRIBUTION_EXPORT = `query GradeDistributionExport($by: [DistributionDimension!]!, $industry: String, $street: String) {
  gradeDistribution(by: $by, industry: $industry, street: $street) { grade industry street subjects }
}`;

const DIMENSIONS = ['GRADE', 'INDUSTRY', 'STREET'] as const;
type Dimension = (typeof DIMENSIONS)[number];

const GRADE_LABEL: Record<string, string> = { A: '优', B: '良', C: '中', D: '差' };

interface Row {
  grade: string | null;
  industry: string | null;
  street: string | null;
  subjects: number;
}

/** `by=GRADE,STREET` (any order, any case); none given: all three. */
function dimensionsOf(by: unknown): Dimension[] | null {
  if (by === undefined) return [...DIMENSIONS];
  if (typeof by !== 'string') return null;
  const asked = by
    .split(',')
    .map((d) => d.trim().toUpperCase())
    .filter(Boolean);
  if (asked.length === 0 || asked.some((d) => !(DIMENSIONS as readonly string[]).includes(d))) return null;
  return DIMENSIONS.filter((d) => asked.includes(d));
}

const optionalText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** A dimension the sheet is not grouped by reads 全部; grouped, a subject without the value reads 未登记. */
function cell(value: string | null, dimension: Dimension, by: readonly Dimension[]): string {
  if (!by.includes(dimension)) return '全部';
  return value ?? '未登记';
}

/**
 * GET /reports/grade-distribution.csv[?by=GRADE,INDUSTRY,STREET&industry=&street=] — the analysts'
 * distribution of 公共信用综合评价 grades by grade, industry and street (街道), as a spreadsheet:
 * CORE's `gradeDistribution` (credit:stats), asked as the caller (./csv-export.ts).
 */
export function gradeDistributionCsvRouter(send: SendOperation): Router {
  return csvExportRouter<Row>(send, {
    path: '/reports/grade-distribution.csv',
    query: GRADE_DISTRIBUTION_EXPORT,
    field: 'gradeDistribution',
    purpose: 'grade-distribution export',
    header: ['信用等级', '等级名称', '行业', '街道', '主体数'],
    variables: ({ by, industry, street }) => {
      const dimensions = dimensionsOf(by);
      return dimensions
        ? { variables: { by: dimensions, industry: optionalText(industry), street: optionalText(street) } }
        : { problem: `'by' is a comma-separated list of ${DIMENSIONS.join(', ')}` };
    },
    cells: (r, variables) => {
      const by = variables.by as Dimension[];
      return [
        cell(r.grade, 'GRADE', by),
        r.grade ? (GRADE_LABEL[r.grade] ?? r.grade) : cell(null, 'GRADE', by),
        cell(r.industry, 'INDUSTRY', by),
        cell(r.street, 'STREET', by),
        r.subjects,
      ];
    },
    filename: (variables) => `grade-distribution-${(variables.by as Dimension[]).join('-').toLowerCase()}.csv`,
  });
}
