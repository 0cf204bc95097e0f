import { PenaltyDomain } from '../../../shared/domain/vocabulary';

/**
 * A department's 主管领域 when none is given, from its name: the one-year
 * domains of 58号令 whose authority is a department of its own (消防救援 → 消防,
 * 应急管理 / 安全生产监督 → 安全生产, 药品监督 → 药品). A market-supervision bureau
 * also decides food, drug and special-equipment penalties among many others, so
 * it stays GENERAL and reports the domain on each such penalty
 * (docs/rules/publicity-and-repair.md). Migration20261202011302 applies the same patterns.
 */
const PATTERNS: readonly (readonly [RegExp, PenaltyDomain])[] = [
  [/消防/, PenaltyDomain.FIRE],
  [/应急管理|安全生产监督/, PenaltyDomain.WORK_SAFETY],
  [/药品监督/, PenaltyDomain.DRUG],
];

export function defaultDomainOf(name: string): PenaltyDomain {
  return PATTERNS.find(([pattern]) => pattern.test(name))?.[1] ?? PenaltyDomain.GENERAL;
}
